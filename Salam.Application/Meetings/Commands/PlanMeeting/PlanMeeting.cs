using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Application.Meetings.Common;

namespace Salam.Application.Meetings.Commands.PlanMeeting;

/// <summary>
/// A facilitator plans a meeting for a neighbourhood of their centre; a provincial officer for a county or the whole province
/// (CountyId and NeighbourhoodId empty). Every invited agency must work there (its province's or a national one).
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record PlanMeeting(MeetingKind Kind, string Title, string Place, DateTimeOffset StartsAt, int ProvinceId, int? CountyId, int? NeighbourhoodId,
    IReadOnlyList<OrganisationInput> Invited, IReadOnlyList<AgendaInput> Agenda) : ICommand<int>, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() =>
        [NeighbourhoodId is { } n ? ScopeTarget.Neighbourhood(n) : CountyId is { } c ? ScopeTarget.County(c) : ScopeTarget.Province(ProvinceId)];
}

public sealed class PlanMeetingHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PlanMeeting, int>
{
    public async ValueTask<int> Handle(PlanMeeting command, CancellationToken cancellationToken)
    {
        // The pipeline checked the caller reaches the place; a facilitator's place is a neighbourhood of their centre, never more.
        if (user.Role == Role.Facilitator && command.NeighbourhoodId is null) throw new ForbiddenException(Text.Get("Meeting.FacilitatorNeighbourhoodOnly"));
        var countyId = await LocateAsync(command, cancellationToken);
        await db.EnsureAgenciesServeAsync(command.ProvinceId,
            [.. command.Invited.Where(o => o.Kind == OrganisationKind.Agency).Select(o => o.AgencyId).OfType<int>()], cancellationToken);
        await db.EnsureAgendaFitsAsync(command.ProvinceId, countyId, command.NeighbourhoodId, command.Agenda, cancellationToken);

        var meeting = new Meeting(command.Kind, command.Title, command.Place, command.StartsAt, command.ProvinceId, countyId, command.NeighbourhoodId,
            [.. command.Invited.Select(o => o.ToOrganisation())], [.. command.Agenda.Select(a => a.ToAgendaItem())], user.UserId ?? 0, clock.GetUtcNow());
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Id;
    }

    /// <summary>
    /// The province, county and neighbourhood must agree and be in service. Only the narrowest was checked against the caller's
    /// reach, so a province or county id that does not hold it is refused, never stored. A neighbourhood meeting may leave the
    /// county out: it is taken from the neighbourhood.
    /// </summary>
    private async Task<int?> LocateAsync(PlanMeeting command, CancellationToken cancellationToken)
    {
        var place = command.NeighbourhoodId is { } neighbourhood
            ? await db.Neighbourhoods.Where(n => n.Id == neighbourhood)
                .Select(n => new { CountyId = (int?)n.CountyId, n.County!.ProvinceId, InService = n.IsActive && n.County.IsActive && n.County.Province!.IsActive })
                .SingleAsync(cancellationToken)
            : command.CountyId is { } county
                ? await db.Counties.Where(c => c.Id == county)
                    .Select(c => new { CountyId = (int?)c.Id, c.ProvinceId, InService = c.IsActive && c.Province!.IsActive }).SingleAsync(cancellationToken)
                : await db.Provinces.Where(p => p.Id == command.ProvinceId)
                    .Select(p => new { CountyId = (int?)null, ProvinceId = p.Id, InService = p.IsActive }).SingleAsync(cancellationToken);
        if (place.ProvinceId != command.ProvinceId || (command.CountyId is { } named && named != place.CountyId))
            throw new RequestRefusedException(Text.Get("Meeting.ScopeInvalid"));
        if (!place.InService) throw new RequestRefusedException(Text.Get("Meeting.PlaceInactive"));
        return place.CountyId;
    }
}
