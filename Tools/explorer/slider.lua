-- wrk script: a slider move on the explorer's map, 800x680, four optimizers x 500 steps on
-- Rosenbrock, with the first optimizer's lr different on every request (so nothing can be
-- cached). Run (see README, "trajviz serve"):
--   wrk -t2 -c8 -d30s --latency -s Tools/explorer/slider.lua http://127.0.0.1:8080
local counter = 0

request = function()
  counter = counter + 1
  local lr = string.format("%.5f", 0.001 + (counter % 997) * 0.0001)
  local path = "/map.png?function=rosenbrock&steps=500&size=800x680"
    .. "&optimizer=adam%28lr%3D" .. lr .. "%29"
    .. "&optimizer=sgd%28lr%3D0.001%2C%20momentum%3D0.9%29"
    .. "&optimizer=diffgrad%28lr%3D0.05%2C%20clone%3Dfalse%29"
    .. "&optimizer=rmsprop%28lr%3D0.01%29"
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. ": " .. body .. "\n")
  end
end
