using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Shifts.Common;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Commands.CreateShift;

/// <summary>
/// A facilitator creates a shift at their centre, open to one neighbourhood it serves or to all of them, optionally for a duty,
/// a need, a campaign or a meeting's decision of that place (the handler checks the decision's meeting is about one of the centre's neighbourhoods).
/// </summary>
[AllowedRoles(Role.Facilitator)]
public sealed record CreateShift(int CentreId, int? NeighbourhoodId, ShiftDraft Draft, ShiftLink Link) : ICommand<ShiftWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() =>
        [ScopeTarget.CentreDesk(CentreId), .. ScopeTarget.IfAny(NeighbourhoodId, ScopeTarget.Neighbourhood),
            .. ScopeTarget.IfAny(Link.DutyId, ScopeTarget.Duty), .. ScopeTarget.IfAny(Link.NeedId, ScopeTarget.Need),
            .. ScopeTarget.IfAny(Link.CampaignId, ScopeTarget.Campaign)];
}

/// <summary>Changes a shift's time, place, skill or places before attendance is recorded.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record ReviseShift(int ShiftId, Guid Version, ShiftDraft Draft) : ICommand<ShiftWritten>, IShiftScoped;

public sealed class CreateShiftHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateShift, ShiftWritten>
{
    public async ValueTask<ShiftWritten> Handle(CreateShift command, CancellationToken cancellationToken)
    {
        var provinceId = await db.Centres.Where(c => c.Id == command.CentreId).Select(c => c.ProvinceId).SingleAsync(cancellationToken);
        // The neighbourhoods the shift is open to: the one named, which the centre must serve, or every one it serves.
        var places = db.Neighbourhoods.Where(n => n.CentreId == command.CentreId && (command.NeighbourhoodId == null || n.Id == command.NeighbourhoodId));
        if (command.NeighbourhoodId is not null && !await places.AnyAsync(n => n.IsActive, cancellationToken))
            throw new RequestRefusedException(Text.Get("Shift.NeighbourhoodNotServed"));
        await EnsureLinkFitsAsync(command, places, cancellationToken);

        var draft = command.Draft;
        var shift = new Shift(command.CentreId, provinceId, command.NeighbourhoodId, draft.Title, draft.Place, draft.StartsAt, draft.EndsAt, draft.Skill, draft.Places,
            command.Link, null, user.UserId ?? 0, clock.GetUtcNow());
        db.Shifts.Add(shift);
        return await db.SaveShiftAsync(shift, cancellationToken);
    }

    /// <summary>
    /// The pipeline checked the caller reaches the duty, need or campaign; here it must also belong to the shift's place: a duty,
    /// need or decision of a neighbourhood the shift is open to, a campaign this centre takes part in.
    /// </summary>
    private async Task EnsureLinkFitsAsync(CreateShift command, IQueryable<Domain.Geography.Neighbourhood> places, CancellationToken cancellationToken)
    {
        var link = command.Link;
        var fits = link switch
        {
            { DutyId: { } duty } => await db.Duties.AnyAsync(d => d.Id == duty && places.Any(n => n.Id == d.NeighbourhoodId), cancellationToken),
            { NeedId: { } need } => await db.Needs.AnyAsync(d => d.Id == need && places.Any(n => n.Id == d.NeighbourhoodId), cancellationToken),
            { CampaignId: { } campaign } => await db.Campaigns.AnyAsync(c => c.Id == campaign && c.Centres.Any(t => t.CentreId == command.CentreId), cancellationToken),
            { MeetingDecisionId: { } decision } => await DecisionFitsAsync(decision, places, cancellationToken),
            _ => true,
        };
        if (!fits) throw new RequestRefusedException(Text.Get(link.CampaignId is null ? "Shift.LinkOutsidePlace" : "Shift.CampaignNotTakingPart"));
    }

    // Draft minutes are their organisers' business: a decision not yet published is not found rather than confirmed.
    private async Task<bool> DecisionFitsAsync(int decisionId, IQueryable<Domain.Geography.Neighbourhood> places, CancellationToken cancellationToken)
    {
        var decision = await db.MeetingDecisions.AsNoTracking().Where(d => d.Id == decisionId)
            .Select(d => new { Place = d.NeighbourhoodId ?? d.Meeting!.NeighbourhoodId, d.Meeting!.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (decision is null || decision.Status != MeetingStatus.MinutesPublished) throw new NotFoundException(Text.Get("Shift.DecisionNotFound"));
        return decision.Place is { } place && await places.AnyAsync(n => n.Id == place, cancellationToken);
    }
}

public sealed class ReviseShiftHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<ReviseShift, ShiftWritten>
{
    public async ValueTask<ShiftWritten> Handle(ReviseShift command, CancellationToken cancellationToken)
    {
        var shift = await db.FindShiftAsync(command.ShiftId, cancellationToken);
        shift.EnsureSeen(command.Version);
        var draft = command.Draft;
        var (startsAt, endsAt) = (draft.StartsAt.ToUniversalTime(), draft.EndsAt.ToUniversalTime());
        var moved = startsAt != shift.StartsAt || endsAt != shift.EndsAt;
        // A national day keeps its title, time and skill everywhere; each centre sets its own place and places.
        if (shift.NationalEventId is not null && (moved || draft.Title.Trim() != shift.Title || draft.Skill != shift.Skill))
            throw new RequestRefusedException(Text.Get("Shift.NationalEventFixed"));
        if (moved) await EnsureMayMoveAsync(shift, startsAt, endsAt, cancellationToken);

        shift.Describe(draft.Title, draft.Place, startsAt, endsAt, draft.Skill, draft.Places);
        return await db.SaveShiftAsync(shift, cancellationToken);
    }

    /// <summary>A new time lies ahead, and none of the volunteers already booked has another shift then.</summary>
    private async Task EnsureMayMoveAsync(Shift shift, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        if (startsAt <= clock.GetUtcNow()) throw new RequestRefusedException(Text.Get("Shift.StartsInPast"));
        var booked = shift.Bookings.Select(b => b.VolunteerId).ToList();
        var busy = await db.ShiftBookings.AnyAsync(b => booked.Contains(b.VolunteerId) && b.ShiftId != shift.Id
            && db.Shifts.Any(other => other.Id == b.ShiftId && other.StartsAt < endsAt && other.EndsAt > startsAt), cancellationToken);
        if (busy) throw new RequestRefusedException(Text.Get("Shift.BookedVolunteerBusy"));
    }
}
