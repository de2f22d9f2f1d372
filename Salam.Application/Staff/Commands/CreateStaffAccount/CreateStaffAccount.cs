using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Staff.Common;
using Salam.Domain.People;

namespace Salam.Application.Staff.Commands.CreateStaffAccount;

/// <summary>
/// Opens a staff account in a role and its scope, with a one-time password the person must replace at their first sign-in.
/// An e-mail address is optional: without one the account gets no messages. The administrator opens any; a provincial officer only facilitators and agency managers of their own province.
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record CreateStaffAccount(
    string UserName, string FullName, string Mobile, Role Role, int? ProvinceId, int? CentreId, int? AgencyId, string InitialPassword, string? Email = null)
    : ICommand<int>, IStaffPlacementRequest, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => StaffPlacementTargets.Of(this);

    // The password never reaches a log line or an exception's message.
    public override string ToString() => $"{nameof(CreateStaffAccount)} {{ {nameof(UserName)} = {UserName}, {nameof(Role)} = {Role} }}";
}

public sealed class CreateStaffAccountHandler(ISalamDbContext db, IStaffAccounts accounts) : ICommandHandler<CreateStaffAccount, int>
{
    public async ValueTask<int> Handle(CreateStaffAccount command, CancellationToken cancellationToken)
    {
        var userName = StaffUserName.Normalise(command.UserName);
        if (await accounts.UserNameTakenAsync(userName, cancellationToken))
            throw new RequestRefusedException(new Dictionary<string, string[]> { [nameof(command.UserName)] = [Text.Get("Staff.UserNameTaken", userName)] });

        var placement = await StaffPlacements.ResolveAsync(db, command, cancellationToken);
        var account = new NewStaffAccount(userName, command.FullName.Trim(), MobileNumber.Parse(command.Mobile).Value, placement, StaffEmail.Normalise(command.Email));
        return await accounts.CreateAsync(account, command.InitialPassword, cancellationToken);
    }
}
