using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Salam.Application.Common.Localization;
using Salam.Infrastructure.Identity;

namespace Salam.Web.Components.Pages.Account;

/// <summary>
/// A staff member changes their own password: the current one, the new one twice; Identity's password rules apply. After an
/// administrator set the password the account may open nothing else until this is done. Success clears that mark, renews the
/// security stamp (other sessions of the account end) and issues this session's cookie again.
/// </summary>
public partial class ChangePassword
{
    [Inject] private UserManager<ApplicationUser> Users { get; set; } = default!;
    [Inject] private SignInManager<ApplicationUser> SignIn { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "password")] private PasswordForm? Form { get; set; }

    private ApplicationUser _user = default!;
    private bool _mustChange;
    private bool _changed;
    private IReadOnlyList<string> _errors = [];

    private sealed class PasswordForm
    {
        public string Current { get; set; } = "";
        public string New { get; set; } = "";
        public string Repeat { get; set; } = "";
    }

    protected override async Task OnInitializedAsync()
    {
        Form ??= new();
        _user = await Users.GetUserAsync(HttpContext.User) ?? throw new InvalidOperationException("A signed-in account was not found");
        _mustChange = _user.MustChangePassword;
    }

    private async Task ChangeAsync()
    {
        _errors = await TryChangeAsync();
        if (_errors.Count > 0)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        _changed = true;
        await SignIn.RefreshSignInAsync(_user);
    }

    private async Task<IReadOnlyList<string>> TryChangeAsync()
    {
        if (await Users.IsLockedOutAsync(_user)) return [Text.Get("SignIn.LockedOut")];
        if (string.IsNullOrEmpty(Form!.Current) || string.IsNullOrEmpty(Form.New)) return [L["Account.PasswordRequired"]];
        if (Form.New != Form.Repeat) return [L["Account.PasswordsDiffer"]];
        if (Form.New == Form.Current) return [L["Account.PasswordSame"]];

        // The mark is cleared in the same save as the new password, and put back if the change is refused.
        var mustChange = _user.MustChangePassword;
        _user.MustChangePassword = false;
        var result = await Users.ChangePasswordAsync(_user, Form.Current, Form.New);
        if (result.Succeeded) return [];
        _user.MustChangePassword = mustChange;
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            // A wrong current password counts like one at sign-in: an open session is no way to guess it.
            await Users.AccessFailedAsync(_user);
            return [L["Account.CurrentPasswordWrong"]];
        }
        return [.. result.Errors.Select(e => e.Description)];
    }
}
