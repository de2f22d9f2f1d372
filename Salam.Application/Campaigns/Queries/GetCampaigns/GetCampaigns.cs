using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Campaigns.Common;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Time;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Home.Queries;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Queries.GetCampaigns;

/// <summary>The campaigns the caller works with, open ones first: all for ministry staff, an officer's province's and the national ones, a facilitator's centre's.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetCampaigns : IQuery<IReadOnlyList<CampaignLine>>, ICallerScoped;

/// <summary><see cref="Place"/> is none for a national campaign; <see cref="ReceivedRials"/> counts what the caller's scope holds.</summary>
public sealed record CampaignLine(int CampaignId, string Name, CampaignScope Scope, PlaceName? Place, DateOnly StartsOn, DateOnly EndsOn,
    long? GoalRials, long ReceivedRials, bool Open);

public sealed class GetCampaignsHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetCampaigns, IReadOnlyList<CampaignLine>>
{
    public async ValueTask<IReadOnlyList<CampaignLine>> Handle(GetCampaigns query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var received = db.DonationsFor(user).ReceivedRials();
        // A county campaign is named by its county; a provincial or neighbourhoods one by its province; a national one by none.
        return await (from c in db.CampaignsFor(user).AsNoTracking()
                      join p in db.Provinces on c.ProvinceId equals p.Id into provinces
                      from p in provinces.DefaultIfEmpty()
                      join k in db.Counties on c.CountyId equals k.Id into counties
                      from k in counties.DefaultIfEmpty()
                      orderby (c.StartsOn <= today && c.EndsOn >= today) descending, c.StartsOn descending, c.Id descending
                      select new CampaignLine(c.Id, c.Name, c.Scope,
                          k != null ? new PlaceName(k.NameFa, k.NameEn) : p != null ? new PlaceName(p.NameFa, p.NameEn) : null,
                          c.StartsOn, c.EndsOn, c.GoalRials,
                          received.Where(d => d.CampaignId == c.Id).Sum(d => (long?)d.Amount) ?? 0,
                          c.StartsOn <= today && c.EndsOn >= today))
            .ToListAsync(cancellationToken);
    }
}
