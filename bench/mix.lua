-- Requests taken in turn; each thread says "thread done" on stderr after a number of answers:
-- `wrk ... -s bench/mix.lua URL -- PER_THREAD METHOD PATH BODY COOKIE [METHOD PATH BODY COOKIE ...]`
-- (BODY and COOKIE are "" for a GET). The threads keep going until the caller interrupts wrk
-- (SIGINT) once every thread is done: a thread stopped on its own would leave half-opened
-- connections that hold a sync worker, and wrk would still wait out its whole -d duration.
local requests, answered, limit, next_index = {}, 0, 0, 1

function init(args)
  limit = tonumber(args[1])
  for i = 2, #args, 4 do
    local method, path, body, cookie = args[i], args[i + 1], args[i + 2], args[i + 3]
    local headers = {}
    if body ~= "" then
      headers["Content-Type"] = "application/x-www-form-urlencoded"
    else
      body = nil
    end
    if cookie ~= "" then
      headers["Cookie"] = cookie
    end
    requests[#requests + 1] = wrk.format(method, path, headers, body)
  end
end

function request()
  local chosen = requests[next_index]
  next_index = next_index % #requests + 1
  return chosen
end

function response(status, headers, body)
  answered = answered + 1
  if answered == limit then
    io.stderr:write("thread done\n")
    io.stderr:flush()
  end
end
