using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.People;

namespace Salam.Application.Common.Security;

/// <summary>
/// The pipeline's one scope check: finds where each thing a request names lives, and refuses (and logs) the request when the
/// caller's scope does not reach it, before the handler reads or writes anything. A thing that does not exist is not found.
/// </summary>
public sealed class ScopeResolver(ISalamDbContext db, ICurrentUser user, ScopeGuard scope, IUserDirectory users, IStaffAccounts staff, ILogger<ScopeResolver> logger)
{
    public async Task EnsureAsync(string request, IEnumerable<ScopeTarget> targets, CancellationToken cancellationToken)
    {
        foreach (var target in targets)
        {
            if (await ReachesAsync(target, cancellationToken)) continue;
            logger.LogWarning("Refused {Request} to user {UserId} ({Role}): {Target} is out of reach", request, user.UserId, user.Role, target);
            throw new ForbiddenException(Text.Get("Forbidden.Scope"));
        }
    }

    private async Task<bool> ReachesAsync(ScopeTarget target, CancellationToken cancellationToken)
    {
        var id = target.Id;
        return target.Kind switch
        {
            ScopeKind.Caller => scope.HoldsOwnScope(),
            ScopeKind.Nation => scope.IsNational,
            ScopeKind.Province => scope.CanReachProvince(await FoundAsync(db.Provinces.Where(p => p.Id == id).Select(p => (int?)p.Id), "NotFound.Province", cancellationToken)),
            ScopeKind.County => scope.CanReachProvince(await FoundAsync(db.Counties.Where(c => c.Id == id).Select(c => (int?)c.ProvinceId), "NotFound.Place", cancellationToken)),
            ScopeKind.Centre => scope.CanReachProvince(await FoundAsync(db.Centres.Where(c => c.Id == id).Select(c => (int?)c.ProvinceId), "NotFound.Centre", cancellationToken)),
            ScopeKind.Neighbourhood when user.Role == Role.Resident => user.NeighbourhoodId == id,
            ScopeKind.Neighbourhood => await ReachesNeighbourhoodOfAsync(db.Neighbourhoods.Where(n => n.Id == id).Select(n => n.Id), "NotFound.Neighbourhood", cancellationToken),
            ScopeKind.Round => await ReachesNeighbourhoodOfAsync(db.PriorityRounds.Where(r => r.Id == id).Select(r => r.NeighbourhoodId), "NotFound.Round", cancellationToken),
            ScopeKind.Need => await ReachesNeighbourhoodOfAsync(db.Needs.Where(n => n.Id == id).Select(n => n.NeighbourhoodId), "NotFound.Need", cancellationToken),
            ScopeKind.Volunteer => await ReachesNeighbourhoodOfAsync(db.Volunteers.Where(v => v.Id == id).Select(v => v.NeighbourhoodId), "NotFound.Volunteer", cancellationToken),
            // An agency manager reaches only their own agency's duties; everyone else, the duties of the places in their scope.
            ScopeKind.Duty when user.Role == Role.AgencyManager =>
                user.AgencyId == await FoundAsync(db.Duties.Where(d => d.Id == id).Select(d => (int?)d.AgencyId), "NotFound.Duty", cancellationToken),
            ScopeKind.Duty => await ReachesNeighbourhoodOfAsync(db.Duties.Where(d => d.Id == id).Select(d => d.NeighbourhoodId), "NotFound.Duty", cancellationToken),
            ScopeKind.Agency => await ReachesAgencyAsync(id, cancellationToken),
            ScopeKind.Facilitator => await ReachesFacilitatorAsync(id, cancellationToken),
            ScopeKind.StaffAccount => await ManagesAccountAsync(id, cancellationToken),
            ScopeKind.StaffRole => scope.MayGrant((Role)id),
            ScopeKind.AgencyStaff => scope.ManagesStaff(Role.AgencyManager, await ProvinceOfAgencyAsync(id, cancellationToken)),
            ScopeKind.AdministeredAgency => await AdministersAgencyAsync(id, cancellationToken),
            // A resident is reached through their neighbourhood, whatever their status.
            ScopeKind.Resident => await ReachesNeighbourhoodOfAsync(db.Residents.Where(r => r.Id == id).Select(r => r.NeighbourhoodId), "NotFound.Resident", cancellationToken),
            // A batch of paper ballots lives where its round does.
            ScopeKind.PaperBatch => await ReachesNeighbourhoodOfAsync(
                db.PriorityRounds.Where(r => db.PaperBatches.Any(b => b.Id == id && b.RoundId == r.Id)).Select(r => r.NeighbourhoodId), "NotFound.PaperBatch", cancellationToken),
            // Meetings are their organisers' and officials' business: a resident reads public minutes and a manager a duty's
            // origin through requests of their own, never a meeting itself.
            ScopeKind.Meeting when user.Role is Role.Resident or Role.AgencyManager => false,
            ScopeKind.Meeting => await ReachesMeetingAsync(id, cancellationToken),
            // What is published (public pages, open data, approved stories): the handler reads only that, for anyone.
            ScopeKind.Public => true,
            // A story is its neighbourhood's (facilitators of its centre, officers of its province, national roles); never a resident's or a manager's.
            ScopeKind.Story when user.Role is Role.Resident or Role.AgencyManager => false,
            ScopeKind.Story => await ReachesNeighbourhoodOfAsync(db.SuccessStories.Where(s => s.Id == id).Select(s => s.NeighbourhoodId), "NotFound.Story", cancellationToken),
            ScopeKind.CentreDesk => await ReachesCentreDeskAsync(db.Centres.Where(c => c.Id == id).Select(c => (int?)c.Id), "NotFound.Centre", cancellationToken),
            ScopeKind.Campaign => await ReachesCampaignAsync(id, cancellationToken),
            ScopeKind.Donation => await ReachesCentreDeskAsync(db.Donations.Where(d => d.Id == id).Select(d => (int?)d.CentreId), "NotFound.Donation", cancellationToken),
            ScopeKind.Shift => await ReachesShiftAsync(id, cancellationToken),
            _ => false,
        };
    }

    /// <summary>A centre to work at: a facilitator's own, an officer's province's, any for national roles; no one else's.</summary>
    private async Task<bool> ReachesCentreDeskAsync(IQueryable<int?> centreOf, string notFound, CancellationToken cancellationToken)
    {
        var centreId = await FoundAsync(centreOf, notFound, cancellationToken);
        return user.Role switch
        {
            _ when scope.IsNational => true,
            Role.Facilitator => user.CentreId == centreId,
            Role.ProvinceOfficer => await db.Centres.AnyAsync(c => c.Id == centreId && c.ProvinceId == user.ProvinceId, cancellationToken),
            _ => false,
        };
    }

    // An officer reads the national campaigns too (their province's centres take part in them); a facilitator only those
    // their centre takes part in.
    private async Task<bool> ReachesCampaignAsync(int campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.ProvinceId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Campaign"));
        return user.Role switch
        {
            _ when scope.IsNational => true,
            Role.ProvinceOfficer => campaign.ProvinceId is null || campaign.ProvinceId == user.ProvinceId,
            Role.Facilitator => user.CentreId is { } centre
                && await db.Campaigns.AnyAsync(c => c.Id == campaignId && c.Centres.Any(t => t.CentreId == centre), cancellationToken),
            _ => false,
        };
    }

    // A resident reaches a shift open to their neighbourhood: its own one, or any its centre serves when it names none.
    private async Task<bool> ReachesShiftAsync(int shiftId, CancellationToken cancellationToken)
    {
        var shift = await db.Shifts.AsNoTracking().Where(s => s.Id == shiftId).Select(s => new { s.CentreId, s.ProvinceId, s.NeighbourhoodId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Shift"));
        return user.Role switch
        {
            _ when scope.IsNational => true,
            Role.Facilitator => user.CentreId == shift.CentreId,
            Role.ProvinceOfficer => user.ProvinceId == shift.ProvinceId,
            Role.Resident => shift.NeighbourhoodId is { } only
                ? user.NeighbourhoodId == only
                : await db.Neighbourhoods.AnyAsync(n => n.Id == user.NeighbourhoodId && n.CentreId == shift.CentreId, cancellationToken),
            _ => false,
        };
    }

    /// <summary>A resident is compared with their own neighbourhood (one read, on the ballot's hot path); staff by where it is.</summary>
    private async Task<bool> ReachesNeighbourhoodOfAsync(IQueryable<int> neighbourhoodOf, string notFound, CancellationToken cancellationToken)
    {
        if (user.Role == Role.Resident)
            return user.NeighbourhoodId == await FoundAsync(neighbourhoodOf.Select(id => (int?)id), notFound, cancellationToken);
        var place = await db.Neighbourhoods.AsNoTracking().Where(n => neighbourhoodOf.Contains(n.Id))
            .Select(n => new NeighbourhoodPlace(n.Id, n.CentreId, n.County!.ProvinceId)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Text.Get(notFound));
        return scope.Reaches(place);
    }

    // A meeting is reached as its scope is: a neighbourhood meeting through its neighbourhood, a county or province meeting
    // through the province (a county's reach is its province's, see ScopeKind.County).
    private async Task<bool> ReachesMeetingAsync(int meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.ProvinceId, m.NeighbourhoodId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Meeting"));
        return meeting.NeighbourhoodId is { } neighbourhood
            ? await ReachesNeighbourhoodOfAsync(db.Neighbourhoods.Where(n => n.Id == neighbourhood).Select(n => n.Id), "NotFound.Meeting", cancellationToken)
            : scope.CanReachProvince(meeting.ProvinceId);
    }

    // A national agency (no province) may serve anywhere; a provincial one is reached by its province's staff.
    private async Task<bool> ReachesAgencyAsync(int agencyId, CancellationToken cancellationToken) =>
        await ProvinceOfAgencyAsync(agencyId, cancellationToken) is not { } province || scope.CanReachProvince(province);

    // Unlike assigning to it, editing a national agency is for national roles only: a province's officer edits their province's.
    private async Task<bool> AdministersAgencyAsync(int agencyId, CancellationToken cancellationToken) =>
        await ProvinceOfAgencyAsync(agencyId, cancellationToken) is { } province ? scope.CanReachProvince(province) : scope.IsNational;

    /// <summary>The agency's province; none for a national agency. A missing agency is not found.</summary>
    private async Task<int?> ProvinceOfAgencyAsync(int agencyId, CancellationToken cancellationToken) =>
        (await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.ProvinceId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Agency"))).ProvinceId;

    // A facilitator left in no province is reached by national roles only.
    private async Task<bool> ReachesFacilitatorAsync(int userId, CancellationToken cancellationToken)
    {
        var account = await users.FindAsync(userId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Facilitator"));
        return account.ProvinceId is { } province ? scope.CanReachProvince(province) : scope.IsNational;
    }

    // A resident's account is not a staff account: not found, like an id that does not exist.
    private async Task<bool> ManagesAccountAsync(int userId, CancellationToken cancellationToken)
    {
        var account = await staff.FindAsync(userId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.StaffAccount"));
        return scope.ManagesStaff(account.Role, account.ProvinceId);
    }

    private static async Task<int> FoundAsync(IQueryable<int?> query, string notFound, CancellationToken cancellationToken) =>
        await query.SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get(notFound));
}
