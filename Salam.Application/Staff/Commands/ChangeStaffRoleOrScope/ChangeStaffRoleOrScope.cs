using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Staff.Common;
using Salam.Domain.People;

namespace Salam.Application.Staff.Commands.ChangeStaffRoleOrScope;

/// <summary>
/// Gives a staff account another role or scope, at once: its sign-in carries the old ones as claims, and the renewed stamp ends it.
/// The caller must manage the account as it is and as it will be. <see cref="Email"/>, when given, is the account's address
/// from now on ("" removes it); null leaves it as it is.
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record ChangeStaffRoleOrScope(int UserId, Role Role, int? ProvinceId, int? CentreId, int? AgencyId, string? Email = null)
    : ICommand, IStaffPlacementRequest, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.StaffAccount(UserId), .. StaffPlacementTargets.Of(this)];
}

public sealed class ChangeStaffRoleOrScopeValidator : StaffPlacementValidator<ChangeStaffRoleOrScope>
{
    public ChangeStaffRoleOrScopeValidator() => RuleFor(c => c.Email).ValidStaffEmail();
}

public sealed class ChangeStaffRoleOrScopeHandler(ISalamDbContext db, IStaffAccounts accounts, ICurrentUser user) : ICommandHandler<ChangeStaffRoleOrScope>
{
    public async ValueTask<Unit> Handle(ChangeStaffRoleOrScope command, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(command.UserId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.StaffAccount"));
        if (account.Id == user.UserId) throw new RequestRefusedException(Text.Get("Staff.CannotChangeSelf"));
        await StaffGuards.KeepAnAdminAsync(accounts, account, cancellationToken, leaving: command.Role != Role.Admin);

        var placement = await StaffPlacements.ResolveAsync(db, command, cancellationToken);
        await accounts.ChangeRoleAsync(account.Id, placement, cancellationToken);
        if (command.Email is not null) await accounts.SetEmailAsync(account.Id, StaffEmail.Normalise(command.Email), cancellationToken);
        return Unit.Value;
    }
}
