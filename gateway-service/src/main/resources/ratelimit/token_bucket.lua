-- Token bucket: KEYS[1] holds the tokens left, KEYS[2] when they were counted.
-- ARGV[1] refill rate (tokens per second), ARGV[2] capacity.
-- Redis' own clock is used so that all gateway instances agree on time.
local tokens_key = KEYS[1]
local timestamp_key = KEYS[2]
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local ttl = math.max(1, math.ceil(capacity / rate * 2))

local last_tokens = tonumber(redis.call('GET', tokens_key))
if last_tokens == nil then
  last_tokens = capacity
end
local last_refreshed = tonumber(redis.call('GET', timestamp_key))
if last_refreshed == nil then
  last_refreshed = now
end

local elapsed = math.max(0, now - last_refreshed) / 1000
local filled = math.min(capacity, last_tokens + elapsed * rate)
local allowed = 0
local retry_after = 0
if filled >= 1 then
  allowed = 1
  filled = filled - 1
else
  retry_after = math.ceil((1 - filled) / rate)
end

redis.call('SET', tokens_key, tostring(filled), 'EX', ttl)
redis.call('SET', timestamp_key, tostring(now), 'EX', ttl)

return { allowed, math.floor(filled), retry_after }
