using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Common;
using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Queries.GetPublicCampaign;

/// <summary>
/// A campaign's public page: progress against goals, by province, and thanks to the donors who did not ask to stay anonymous.
/// A campaign is public once it has started (its first day in Tehran); before that it is not found.
/// </summary>
[AllowedRoles(Public = true)]
public sealed record GetPublicCampaign(int CampaignId) : IQuery<PublicCampaign>, IPublicScoped;

public sealed record PublicCampaign(int CampaignId, string Name, string Description, CampaignScope Scope, PlaceName? Place, DateOnly StartsOn,
    DateOnly EndsOn, long? GoalRials, IReadOnlyList<ItemGoalInput> ItemGoals, CampaignFigures Totals, IReadOnlyList<CampaignPlaceRow> ByProvince,
    IReadOnlyList<ThankedDonor> Donors);

public sealed record ThankedDonor(string Name, DonorKind Kind);

public sealed class GetPublicCampaignHandler(ISalamDbContext db, TimeProvider clock) : IQueryHandler<GetPublicCampaign, PublicCampaign>
{
    /// <summary>The most donors thanked by name on the page (newest gifts first).</summary>
    public const int MaxThanked = 200;

    public async ValueTask<PublicCampaign> Handle(GetPublicCampaign query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == query.CampaignId && c.StartsOn <= today)
            .Select(c => new
            {
                c.Id, c.Name, c.Description, c.Scope, c.ProvinceId, c.CountyId, c.StartsOn, c.EndsOn, c.GoalRials,
                Goals = c.ItemGoals.OrderBy(g => g.Item).Select(g => new ItemGoalInput(g.Item, g.Count)).ToList(),
                Centres = c.Centres.Select(t => t.CentreId).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Campaign"));
        var sums = await CampaignSums.ReadAsync(db, campaign.Id, cancellationToken);
        var provinces = await db.ProvincesTakingPartAsync(campaign.Centres, cancellationToken);
        // Thanked: gifts in hand from donors who agreed to be named; an anonymous donor's name never leaves the database here.
        var donors = await db.Donations.AsNoTracking()
            .Where(d => d.CampaignId == campaign.Id && !d.Anonymous
                && (d.Status == DonationStatus.Received || d.Status == DonationStatus.Allocated || d.Status == DonationStatus.Delivered))
            .GroupBy(d => new { d.DonorName, d.DonorKind })
            .OrderByDescending(g => g.Max(d => d.Id))
            .Take(MaxThanked)
            .Select(g => new ThankedDonor(g.Key.DonorName, g.Key.DonorKind))
            .ToListAsync(cancellationToken);
        return new PublicCampaign(campaign.Id, campaign.Name, campaign.Description, campaign.Scope,
            await db.CampaignPlaceNameAsync(campaign.ProvinceId, campaign.CountyId, cancellationToken), campaign.StartsOn, campaign.EndsOn, campaign.GoalRials,
            campaign.Goals, sums.Totals(campaign.Goals), [.. provinces.Select(p => new CampaignPlaceRow(p.Id, p.Name, sums.OfProvince(p.Id)))], donors);
    }
}
