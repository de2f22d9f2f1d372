using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Staff.Commands.UnlockStaffAccount;

/// <summary>Lifts a lockout after too many wrong passwords, before it runs out by itself.</summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record UnlockStaffAccount(int UserId) : ICommand, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.StaffAccount(UserId)];
}

public sealed class UnlockStaffAccountHandler(IStaffAccounts accounts) : ICommandHandler<UnlockStaffAccount>
{
    public async ValueTask<Unit> Handle(UnlockStaffAccount command, CancellationToken cancellationToken)
    {
        await accounts.UnlockAsync(command.UserId, cancellationToken);
        return Unit.Value;
    }
}
