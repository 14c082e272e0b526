-- The same form POST on every request: `wrk ... -s bench/post.lua URL -- BODY COOKIE`.
-- Setting wrk.method/body/headers in init() keeps the request static: wrk formats it once
-- per thread, so the load generator spends no Lua time per request.
function init(args)
  wrk.method = "POST"
  wrk.body = args[1]
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  -- Production marks the session cookie Secure; wrk speaks plain HTTP, so send it by hand.
  wrk.headers["Cookie"] = args[2]
end
