using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Queries;

/// <summary>For one duty or need, the volunteers of its neighbourhood ranked by how well their skills and time fit.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetPlacementCandidates(int? DutyId, int? NeedId) : IQuery<PlacementCandidates>, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() =>
        [.. ScopeTarget.IfAny(DutyId, ScopeTarget.Duty), .. ScopeTarget.IfAny(NeedId, ScopeTarget.Need)];
}

public sealed record PlacementCandidates(VolunteerSkill Wanted, IReadOnlyList<PlacementCandidate> Ranked);

public sealed record PlacementCandidate(int VolunteerId, string Name, VolunteerSkill Skills, Weekdays Days, int HoursPerWeek, VolunteerStatus Status, VolunteerFit Fit, bool AlreadyPlaced, string? Mobile);

public sealed class GetPlacementCandidatesValidator : AbstractValidator<GetPlacementCandidates>
{
    public GetPlacementCandidatesValidator() =>
        RuleFor(c => c.DutyId).Must((c, _) => c.DutyId is null != c.NeedId is null).WithMessage(_ => Text.Get("Placement.OneTarget"));
}

public sealed class GetPlacementCandidatesHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetPlacementCandidates, PlacementCandidates>
{
    public async ValueTask<PlacementCandidates> Handle(GetPlacementCandidates query, CancellationToken cancellationToken)
    {
        var target = query.DutyId is { } dutyId
            ? await db.Duties.AsNoTracking().Where(d => d.Id == dutyId)
                .Select(d => new { d.NeighbourhoodId, Category = db.Needs.Where(n => n.Id == d.NeedId).Select(n => (Domain.Needs.NeedCategory?)n.Category).FirstOrDefault() })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Duty"))
            : await db.Needs.AsNoTracking().Where(n => n.Id == query.NeedId)
                .Select(n => new { n.NeighbourhoodId, Category = (Domain.Needs.NeedCategory?)n.Category })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Need"));

        // A duty without a need asks for no particular skill: its volunteers are ranked by time alone.
        var wanted = target.Category is { } category ? VolunteerRanking.SkillsFor(category) : VolunteerSkill.None;
        var showsContact = user.Role == Role.Facilitator;
        var volunteers = await db.Volunteers.AsNoTracking()
            .Where(v => v.NeighbourhoodId == target.NeighbourhoodId && v.Status != VolunteerStatus.Inactive)
            .OrderBy(v => v.RegisteredAt)
            .Select(v => new
            {
                v.Id, v.Resident!.FullName, v.Skills, v.Days, v.HoursPerWeek, v.Status,
                Mobile = showsContact ? v.Resident.Mobile : null,
                Placed = db.Placements.Any(p => p.VolunteerId == v.Id && (query.DutyId != null ? p.DutyId == query.DutyId : p.NeedId == query.NeedId)),
            })
            .ToListAsync(cancellationToken);

        var ranked = VolunteerRanking.Rank(volunteers, v => (v.Skills, v.Days, v.HoursPerWeek), wanted)
            .Select(r => new PlacementCandidate(r.Candidate.Id, r.Candidate.FullName, r.Candidate.Skills, r.Candidate.Days, r.Candidate.HoursPerWeek,
                r.Candidate.Status, r.Fit, r.Candidate.Placed, r.Candidate.Mobile))
            .ToList();
        return new PlacementCandidates(wanted, ranked);
    }
}
