using Microsoft.AspNetCore.Identity;

namespace Salam.Infrastructure.Identity;

/// <summary>
/// SignInManager's pre-sign-in check (with <c>SignIn.RequireConfirmedAccount</c>): a disabled account is not allowed in, by password
/// or by any later step, and the sign-in answers NotAllowed. Nothing else confirms accounts here: staff are made by an administrator,
/// residents by their centre.
/// </summary>
public sealed class EnabledAccountConfirmation : IUserConfirmation<ApplicationUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(!user.IsDisabled);
}
