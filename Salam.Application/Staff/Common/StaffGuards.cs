using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.People;

namespace Salam.Application.Staff.Common;

/// <summary>Rules that keep the programme administrable.</summary>
public static class StaffGuards
{
    /// <summary>Refuses to take the last enabled administrator away (by disabling or by another role): nobody could then manage accounts.</summary>
    public static async Task KeepAnAdminAsync(IStaffAccounts accounts, StaffAccountState account, CancellationToken cancellationToken, bool leaving = true)
    {
        if (leaving && account is { Role: Role.Admin, IsDisabled: false } && await accounts.EnabledAdminsAsync(cancellationToken) <= 1)
            throw new RequestRefusedException(Text.Get("Staff.LastAdmin"));
    }
}
