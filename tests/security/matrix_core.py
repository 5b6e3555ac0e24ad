"""Home page, health check, language choice, Founding Resolution, allauth and the operator admin."""

from icor.charter.services import load_founding_resolution
from tests.security.matrix import EVERYONE_OK, FORBIDDEN, FOUND, OK, Group, Row, cells

ROWS = [
    Row("home", "/", EVERYONE_OK),
    Row("health", "/health", EVERYONE_OK),
    Row("favicon", "/favicon.ico", EVERYONE_OK, why="the icon itself, never a redirect into a page"),
    Row(
        "set_language",
        "/i18n/setlang/",
        cells(FOUND),
        method="POST",
        data={"language": "de", "next": "/"},
        anonymous_to_login=False,
    ),
    Row("charter:resolution", "/resolution/", EVERYONE_OK, prepare=lambda world: load_founding_resolution()),
    Row(
        "charter:translate",
        "/resolution/translate/",
        cells(FORBIDDEN, anonymous=FOUND, committee=OK, officer=OK),
        prepare=lambda world: load_founding_resolution(),
        why="the committee, or an officer in the own organization's name, translates the Founding Resolution",
    ),
    # allauth: every view acts on the visitor's own account only.
    Row("account_login", "/accounts/login/", cells(FOUND, anonymous=OK)),
    Row(
        "account_signup",
        "/accounts/signup/",
        cells(FOUND, anonymous=OK),
        why="signup is closed: a page says so",
    ),
    Row("account_change_password", "/accounts/password/change/", cells(OK, anonymous=FOUND)),
    Row("mfa_index", "/accounts/2fa/", cells(OK, anonymous=FOUND)),
    Row(
        "mfa_activate_totp",
        "/accounts/2fa/totp/activate/",
        cells(FOUND),
        why="an active authenticator leads back to the overview; a fresh session must re-authenticate first",
    ),
    # The operator's admin: staff only; everyone else is sent to the admin login.
    Row("admin:index", "/operator/", cells(FOUND, operator=OK)),
    Row("admin:mfa_authenticator_changelist", "/operator/mfa/authenticator/", cells(FOUND, operator=OK)),
    Row("admin:auth_group_add", "/operator/auth/group/add/", cells(FOUND, operator=OK)),
]

GROUPS = [
    Group(
        "accounts/",
        "allauth's own pages (icor's own account pages have rows in matrix_accounts.py) (login, logout, password, e-mail, two-factor): each acts only on the "
        "visitor's own account, never on an object of an organization; representative rows above.",
    ),
    Group(
        "operator/",
        "Django admin for the platform operator: every page requires a staff account; "
        "representative rows above prove that nobody else gets in.",
    ),
]
