using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Salam.Application.Common.Localization;
using Salam.Infrastructure.Identity;

namespace Salam.Web.Components.Pages.Account;

/// <summary>
/// Enrolling an authenticator app: scan the code (or type the key), confirm with a code from the app, and read ten recovery
/// codes once. An enrolled person may get new recovery codes or enrol another app, each after a current code; a wrong one counts
/// towards the lockout, so a session left open does not let anyone try codes until one fits.
/// </summary>
public partial class TwoFactor
{
    public const int RecoveryCodeCount = 10;

    [Inject] private UserManager<ApplicationUser> Users { get; set; } = default!;
    [Inject] private SignInManager<ApplicationUser> SignIn { get; set; } = default!;
    [Inject] private IOptions<StaffSignInOptions> StaffSignIn { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "confirm")] private CodeForm? Confirm { get; set; }
    [SupplyParameterFromForm(FormName = "change")] private CodeForm? Change { get; set; }

    private ApplicationUser _user = default!;
    private AuthenticatorSetup? _setup;
    private IEnumerable<string>? _recoveryCodes;
    private bool _required;
    private int _codesLeft;
    private string? _confirmError;
    private string? _changeError;

    private sealed class CodeForm
    {
        public string Code { get; set; } = "";
        public string Action { get; set; } = "";
    }

    protected override async Task OnInitializedAsync()
    {
        Confirm ??= new();
        Change ??= new();
        _user = await Users.GetUserAsync(HttpContext.User) ?? throw new InvalidOperationException("A signed-in account was not found");
        _required = StaffSignIn.Value.RequiresTwoFactor(_user.Role);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _setup = null;
        if (_user.TwoFactorEnabled)
        {
            _codesLeft = await Users.CountRecoveryCodesAsync(_user);
            return;
        }
        var key = await Users.GetAuthenticatorKeyAsync(_user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp; the sign-in is refreshed so this session keeps working.
            await Users.ResetAuthenticatorKeyAsync(_user);
            await SignIn.RefreshSignInAsync(_user);
            key = await Users.GetAuthenticatorKeyAsync(_user);
        }
        _setup = AuthenticatorSetup.For(_user.UserName!, key!);
    }

    private async Task ConfirmAsync()
    {
        if (_user.TwoFactorEnabled) return;
        if (!await VerifyAsync(Confirm!.Code))
        {
            _confirmError = await Users.IsLockedOutAsync(_user) ? Text.Get("SignIn.LockedOut") : L["TwoFactor.CodeInvalid"];
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await Users.SetTwoFactorEnabledAsync(_user, true);
        _recoveryCodes = await Users.GenerateNewTwoFactorRecoveryCodesAsync(_user, RecoveryCodeCount);
        // The cookie is issued again without the "must enrol" mark: every page opens from the next request on.
        await SignIn.RefreshSignInAsync(_user);
    }

    private async Task ChangeAsync()
    {
        if (!_user.TwoFactorEnabled) return;
        if (!await VerifyAsync(Change!.Code))
        {
            _changeError = await Users.IsLockedOutAsync(_user) ? Text.Get("SignIn.LockedOut") : L["TwoFactor.CodeInvalid"];
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (Change.Action == "reset")
        {
            // Another app: the old key stops working now, and the new one must be confirmed like a first enrolment.
            await Users.SetTwoFactorEnabledAsync(_user, false);
            await Users.ResetAuthenticatorKeyAsync(_user);
            await SignIn.RefreshSignInAsync(_user);
            await LoadAsync();
            return;
        }
        _recoveryCodes = await Users.GenerateNewTwoFactorRecoveryCodesAsync(_user, RecoveryCodeCount);
    }

    /// <summary>A code from the person's app (Persian digits accepted); a wrong one is a failed attempt like a wrong password.</summary>
    private async Task<bool> VerifyAsync(string typed)
    {
        if (await Users.IsLockedOutAsync(_user)) return false;
        var code = AuthenticatorSetup.NormaliseCode(typed);
        if (await Users.VerifyTwoFactorTokenAsync(_user, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await Users.ResetAccessFailedCountAsync(_user);
            return true;
        }
        await Users.AccessFailedAsync(_user);
        return false;
    }
}
