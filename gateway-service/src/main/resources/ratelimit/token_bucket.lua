-- Token buckets, all or nothing: tokens are granted only when every bucket named has one, and then the same number
-- is taken from each, up to the number wanted (a gateway instance leases several for a busy caller). Checking them
-- in one script keeps it to one round trip and never charges one bucket for a request another bucket refused.
-- KEYS[i]: one hash per bucket (fields tokens, ts). ARGV[2i-1]: its refill rate per second, ARGV[2i]: its capacity.
-- ARGV[2 * #KEYS + 1]: how many tokens are wanted (at least 1).
-- Returns { tokens granted (0 when refused), tokens left in the emptiest bucket, seconds until one is back }.
-- Redis' own clock is used so that all gateway instances agree on time.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local wanted = math.max(1, math.floor(tonumber(ARGV[2 * #KEYS + 1]) or 1))
local filled = {}
local granted = wanted
local retry_after = 0
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i - 1])
  local capacity = tonumber(ARGV[2 * i])
  local state = redis.call('HMGET', key, 'tokens', 'ts')
  local tokens = tonumber(state[1]) or capacity
  local last_refreshed = tonumber(state[2]) or now
  filled[i] = math.min(capacity, tokens + math.max(0, now - last_refreshed) / 1000 * rate)
  granted = math.min(granted, math.floor(filled[i]))
  if filled[i] < 1 then
    retry_after = math.max(retry_after, math.ceil((1 - filled[i]) / rate))
  end
end

local remaining = -1
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i - 1])
  local capacity = tonumber(ARGV[2 * i])
  local left = filled[i] - granted
  redis.call('HSET', key, 'tokens', tostring(left), 'ts', tostring(now))
  redis.call('EXPIRE', key, math.max(1, math.ceil(capacity / rate * 2)))
  if remaining < 0 or left < remaining then
    remaining = math.floor(left)
  end
end

return { granted, remaining, retry_after }
