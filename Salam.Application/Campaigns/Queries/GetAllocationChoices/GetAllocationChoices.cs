using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Campaigns.Common;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Needs;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Home.Queries;

namespace Salam.Application.Campaigns.Queries.GetAllocationChoices;

/// <summary>Where a donation can go: the neighbourhoods its centre serves inside the campaign's scope, with their approved needs and open duties, and the stories a delivery may carry.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record GetAllocationChoices(int DonationId) : IQuery<AllocationChoices>, IDonationScoped;

public sealed record AllocationChoices(IReadOnlyList<AllocationPlace> Neighbourhoods, IReadOnlyList<TitledChoice> Stories);

public sealed record AllocationPlace(int NeighbourhoodId, PlaceName Name, IReadOnlyList<TitledChoice> Needs, IReadOnlyList<TitledChoice> Duties);

public sealed record TitledChoice(int Id, string Title);

/// <summary>Offers exactly what <see cref="Commands.AllocateDonation.AllocateDonation"/> accepts, so the form never proposes a refusal.</summary>
public sealed class GetAllocationChoicesHandler(ISalamDbContext db) : IQueryHandler<GetAllocationChoices, AllocationChoices>
{
    public async ValueTask<AllocationChoices> Handle(GetAllocationChoices query, CancellationToken cancellationToken)
    {
        var donation = await db.Donations.AsNoTracking().Where(d => d.Id == query.DonationId).Select(d => new { d.CampaignId, d.CentreId }).SingleAsync(cancellationToken);
        var campaign = await db.FindCampaignAsync(donation.CampaignId, cancellationToken);
        var places = db.NeighbourhoodsIn(CampaignPlace.Of(campaign)).Where(n => n.CentreId == donation.CentreId);
        var neighbourhoods = await places.OrderBy(n => n.NameFa).Select(n => new { n.Id, n.NameFa, n.NameEn }).ToListAsync(cancellationToken);
        var ids = neighbourhoods.Select(n => n.Id).ToList();
        var needs = (await db.Needs.AsNoTracking().Where(n => ids.Contains(n.NeighbourhoodId) && n.Status == NeedStatus.Approved).OrderBy(n => n.Title)
            .Select(n => new { n.NeighbourhoodId, Choice = new TitledChoice(n.Id, n.Title) }).ToListAsync(cancellationToken)).ToLookup(n => n.NeighbourhoodId, n => n.Choice);
        var duties = (await db.Duties.AsNoTracking().Where(d => ids.Contains(d.NeighbourhoodId) && AllocationTargets.OpenDuty.Contains(d.Status)).OrderBy(d => d.Title)
            .Select(d => new { d.NeighbourhoodId, Choice = new TitledChoice(d.Id, d.Title) }).ToListAsync(cancellationToken)).ToLookup(d => d.NeighbourhoodId, d => d.Choice);
        var stories = await db.SuccessStories.AsNoTracking().Where(s => ids.Contains(s.NeighbourhoodId)).OrderByDescending(s => s.Id)
            .Select(s => new TitledChoice(s.Id, s.Title)).ToListAsync(cancellationToken);
        return new AllocationChoices(
            [.. neighbourhoods.Select(n => new AllocationPlace(n.Id, new PlaceName(n.NameFa, n.NameEn), [.. needs[n.Id]], [.. duties[n.Id]]))], stories);
    }
}
