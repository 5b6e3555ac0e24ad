"""One settings module, driven by environment variables.

Local defaults are safe for a single person on 127.0.0.1; `ICOR_ENV=production`
switches on everything `manage.py check --deploy` asks for.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_DIR = PACKAGE_DIR.parents[1]
VAR_DIR = Path(os.environ.get("ICOR_VAR_DIR", CHECKOUT_DIR / "var"))
# The server's data directory: its key files (audit, two-factor, open secret ballots) and the audit
# checkpoints. Never in the database, never in a backup: an intruder holding either lacks them.
DATA_DIR = Path(os.environ.get("ICOR_DATA_DIR", VAR_DIR))


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("ICOR_ENV", "local") == "production"
DEBUG = env_flag("DEBUG", False)


def load_secret_key() -> str:
    """A local secret is generated once and kept in var/; production must set one."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    if PRODUCTION:
        raise RuntimeError("SECRET_KEY must be set when ICOR_ENV=production")
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = load_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "ninja",
    "icor.core",
    "icor.accounts",
    "icor.charter",
    "icor.registry",
    "icor.audit",
    "icor.privacy",
    "icor.live",
    "icor.conferences",
    "icor.debate",
    "icor.projects",
    "icor.partners",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "icor.core.middleware.ContentSecurityPolicyMiddleware",
    "icor.core.middleware.RejectNulCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "icor.core.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "icor.accounts.api_auth.ApiTokenMiddleware",
    "icor.accounts.middleware.RequireTwoFactorMiddleware",
    "icor.conferences.scope.ObserverScopeMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "icor.urls"
ASGI_APPLICATION = "icor.asgi.application"
WSGI_APPLICATION = "icor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'icor.sqlite3'}"
# A served request runs in one thread of a fixed pool (icor.serving), which keeps its
# connection: a new PostgreSQL backend costs several milliseconds. The pool option needs 0.
POOLED = env_flag("ICOR_DB_POOL", False)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=0 if POOLED else int(os.environ.get("ICOR_DB_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a write commits; the timeout waits out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif POOLED:
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": 20}

# Casts arriving at the same moment share one commit and one set of statements
# (icor.core.group_commit); measured faster in proportion to the ceiling (docs/performance.md).
GROUP_COMMIT = env_flag("ICOR_GROUP_COMMIT", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

if redis_url := os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "icor.accounts.passwords.DistinctCharactersValidator", "OPTIONS": {"min_distinct": 6}},
]
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "icor.accounts.backends.ModelBackend",
    "icor.accounts.backends.AuthenticationBackend",
]

# Accounts are created by an organization's officers or the coordinating committee, never by signup.
ACCOUNT_ADAPTER = "icor.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {"login_failed": "5/m/ip,5/5m/key", "login": "20/m/ip"}
ACCOUNT_SESSION_REMEMBER = False
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "/accounts/login/"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "icor"
MFA_ADAPTER = "icor.accounts.mfa.MFAAdapter"
# Roles that cannot use the site before activating TOTP (icor.accounts.middleware).
# The platform operator (superuser) too: the admin must not be a door with only a password.
ICOR_MFA_REQUIRED_ROLES = ("officer", "committee", "operator")
# Login throttling (allauth): per address, and per account. On a device where the account
# logged in before (a signed cookie), the account's counter is that device's own, so someone
# guessing from elsewhere cannot lock the owner out (e.g. the chair during a ballot).
ICOR_KNOWN_DEVICE_COOKIE = "icor_device"
ICOR_KNOWN_DEVICE_DAYS = 180
# X-Forwarded-For is believed only when the request comes from one of these proxies
# (addresses or networks, comma-separated); otherwise the connection's address counts.
ICOR_TRUSTED_PROXIES = env_list("ICOR_TRUSTED_PROXIES", "")
ICOR_API_TOKEN_MAX_DAYS = 365

# Only a hash of each session key is stored (icor.accounts.sessions).
SESSION_ENGINE = "icor.accounts.sessions"
SESSION_COOKIE_AGE = int(os.environ.get("ICOR_SESSION_SECONDS", 8 * 3600))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt", "Português"),
    ("ru", "Русский"),
    ("tr", "Türkçe"),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise serves from finders too; an empty root before the first collectstatic is fine.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

NINJA_PAGINATION_PER_PAGE = 100


def email_settings(environ: dict[str, str]) -> dict[str, object]:
    """EMAIL_URL (smtp://, smtp+tls://, smtps://, console://) or EMAIL_HOST & co; console by default."""
    from urllib.parse import unquote, urlsplit

    if url := environ.get("EMAIL_URL"):
        parts = urlsplit(url)
        if parts.scheme == "console":
            return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
        if parts.scheme not in ("smtp", "smtp+tls", "smtps"):
            raise RuntimeError(f"EMAIL_URL: unknown scheme {parts.scheme!r} (smtp, smtp+tls, smtps, console)")
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": parts.port or {"smtp": 25, "smtp+tls": 587, "smtps": 465}[parts.scheme],
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
            "EMAIL_USE_SSL": parts.scheme == "smtps",
        }
    if host := environ.get("EMAIL_HOST"):
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": host,
            "EMAIL_PORT": int(environ.get("EMAIL_PORT", "587")),
            "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": environ.get("EMAIL_USE_TLS", "true").lower() in {"1", "true", "yes", "on"},
            "EMAIL_USE_SSL": environ.get("EMAIL_USE_SSL", "false").lower() in {"1", "true", "yes", "on"},
        }
    return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}


globals().update(email_settings(dict(os.environ)))
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "icor@localhost")

# Logs carry event names and ids only; personal data and secrets never go to a log.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ICOR_LOG_LEVEL", "WARNING")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
