using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Geography.Common;
using Salam.Application.Notifications.Common;
using Salam.Domain.Duties;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Duties.Commands.AssignDuty;

/// <summary>The facilitator or provincial officer assigns a duty to an agency in scope, for a neighbourhood, usually for one of its priorities.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record AssignDuty(int NeighbourhoodId, int AgencyId, int? NeedId, string Title, string Description, DateOnly DueDate)
    : ICommand<int>, INeighbourhoodScoped, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() =>
        [ScopeTarget.Neighbourhood(NeighbourhoodId), ScopeTarget.Agency(AgencyId), .. ScopeTarget.IfAny(NeedId, ScopeTarget.Need)];
}

public sealed class AssignDutyHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock, IUserDirectory users) : ICommandHandler<AssignDuty, int>
{
    public async ValueTask<int> Handle(AssignDuty command, CancellationToken cancellationToken)
    {
        var place = await db.Neighbourhoods.Where(n => n.Id == command.NeighbourhoodId)
            .Select(n => new { n.County!.ProvinceId, InService = n.IsActive && n.County.IsActive && n.County.Province!.IsActive }).SingleAsync(cancellationToken);
        if (!place.InService) throw new RequestRefusedException(Text.Get("Geography.NeighbourhoodInactive"));
        var provinceId = place.ProvinceId;
        // A provincial agency works in its own province; a national one (no province) everywhere.
        var agencyInScope = await db.Agencies.AnyAsync(a => a.Id == command.AgencyId && (a.ProvinceId == null || a.ProvinceId == provinceId), cancellationToken);
        if (!agencyInScope) throw new ForbiddenException(Text.Get("Duty.AgencyOutOfScope"));
        // A deactivated agency keeps its duties but takes no new one.
        if (!await db.Agencies.AnyAsync(a => a.Id == command.AgencyId && a.IsActive, cancellationToken)) throw new RequestRefusedException(Text.Get("Agency.Inactive"));
        if (command.NeedId is { } needId && !await db.Needs.AnyAsync(n => n.Id == needId && n.NeighbourhoodId == command.NeighbourhoodId, cancellationToken))
            throw new RequestRefusedException(Text.Get("Round.NeedFromAnotherNeighbourhood"));

        var duty = new Duty(command.AgencyId, command.NeighbourhoodId, command.NeedId, command.Title, command.Description, command.DueDate, user.UserId ?? 0, clock.GetUtcNow());
        db.Duties.Add(duty);
        await QueueAssignedEmailAsync(duty, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return duty.Id;
    }

    // The agency's managers hear of the new duty in the same save. It has no id yet: its first version tells it apart.
    private async Task QueueAssignedEmailAsync(Duty duty, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.Where(a => a.Id == duty.AgencyId).Select(a => new { a.NameFa, a.NameEn }).SingleAsync(cancellationToken);
        var place = await db.Neighbourhoods.Where(n => n.Id == duty.NeighbourhoodId).Select(n => new { n.NameFa, n.NameEn }).SingleAsync(cancellationToken);
        var facts = new StaffMessages.DutyFacts(0, duty.AgencyId, duty.Title, agency.NameFa, agency.NameEn, place.NameFa, place.NameEn, duty.DueDate);
        await db.QueueDutyEmailAsync(users, MessageKind.DutyAssigned, facts, $"duty:new:{duty.Version:N}", duty.AssignedAt, cancellationToken);
    }
}
