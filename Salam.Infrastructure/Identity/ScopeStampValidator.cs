using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Salam.Domain.People;

namespace Salam.Infrastructure.Identity;

/// <summary>
/// Checks the sign-in cookie's security stamp. A staff member's scope (their centre, province, agency) travels as claims in the
/// cookie, and Identity's default re-checks the stamp only every 30 minutes; a facilitator moved to another centre would keep the
/// old centre's neighbourhoods that long. So staff cookies are checked on every request (one lookup by key: staff requests are few)
/// and a stale one is refused and signed out; the person signs in again and gets claims for the new scope. Residents keep the
/// default interval: their place never changes under them, and the ballot post is the hot path. A disabled staff account's cookie
/// is refused too, even with a current stamp.
/// </summary>
public sealed class ScopeStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<ApplicationUser> signInManager, ILoggerFactory loggers)
    : SecurityStampValidator<ApplicationUser>(options, signInManager, loggers)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && !principal.IsInRole(nameof(Role.Resident)) && await VerifySecurityStamp(principal) is not { IsDisabled: false })
        {
            Logger.LogInformation("Sign-in of user {UserId} refused: its scope changed since it was issued, or it was disabled", SignInManager.UserManager.GetUserId(principal));
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
            return;
        }
        await base.ValidateAsync(context);
    }
}
