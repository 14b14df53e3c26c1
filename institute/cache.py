"""Django's Redis cache, made to survive Redis going away."""

import logging

from django.core.cache.backends.redis import RedisCache

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)


class ResilientRedisCache(RedisCache):
    """While Redis is down or unreachable, reads miss and writes are dropped, with a warning in the log.

    Everything the site caches (pages, fragments, Wagtail's site paths, form rate limits) can be made
    again from the database, so the site goes on serving, slower, instead of answering with error pages.
    """

    def _or(self, fallback, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except REDIS_UNAVAILABLE as error:
            logger.warning("Redis is unavailable, so the cache is skipped: %s", error)
            return fallback

    def add(self, *args, **kwargs):
        return self._or(False, super().add, *args, **kwargs)

    def get(self, key, default=None, version=None):
        return self._or(default, super().get, key, default, version)

    def set(self, *args, **kwargs):
        self._or(None, super().set, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._or(False, super().touch, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._or(False, super().delete, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._or({}, super().get_many, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._or(False, super().has_key, *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        # Counting from zero again: a rate limit lets a visitor through rather than failing them.
        return self._or(delta, super().incr, key, delta, version)

    def set_many(self, *args, **kwargs):
        return self._or([], super().set_many, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        self._or(None, super().delete_many, *args, **kwargs)

    def clear(self):
        return self._or(False, super().clear)
