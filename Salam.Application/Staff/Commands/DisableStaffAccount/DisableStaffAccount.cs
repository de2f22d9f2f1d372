using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Staff.Common;
using Salam.Domain.People;

namespace Salam.Application.Staff.Commands.DisableStaffAccount;

/// <summary>Disables a staff account: it cannot sign in and its open sessions end. Not one's own account, nor the last enabled administrator.</summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record DisableStaffAccount(int UserId) : ICommand, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.StaffAccount(UserId)];
}

/// <summary>Lets a disabled staff account sign in again (with the password it had).</summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record EnableStaffAccount(int UserId) : ICommand, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.StaffAccount(UserId)];
}

public sealed class DisableStaffAccountHandler(IStaffAccounts accounts, ICurrentUser user) : ICommandHandler<DisableStaffAccount>, ICommandHandler<EnableStaffAccount>
{
    public async ValueTask<Unit> Handle(DisableStaffAccount command, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(command.UserId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.StaffAccount"));
        if (account.Id == user.UserId) throw new RequestRefusedException(Text.Get("Staff.CannotDisableSelf"));
        await StaffGuards.KeepAnAdminAsync(accounts, account, cancellationToken);
        await accounts.SetDisabledAsync(account.Id, disabled: true, cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(EnableStaffAccount command, CancellationToken cancellationToken)
    {
        await accounts.SetDisabledAsync(command.UserId, disabled: false, cancellationToken);
        return Unit.Value;
    }
}
