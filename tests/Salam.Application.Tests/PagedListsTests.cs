using System.Security.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Paging;
using Salam.Application.Duties.Queries.GetEscalations;
using Salam.Application.Residents.Queries;
using Salam.Application.Volunteers.Queries;

namespace Salam.Application.Tests;

/// <summary>The roster, the placement targets and the escalations are read a page at a time, and no page is larger than the cap.</summary>
public sealed class PagedListsTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    public static TheoryData<string, IMessage> Oversized => new()
    {
        { "facilitator.pardisan", new GetVolunteerRoster(PageSize: Paging.MaxPageSize + 1) },
        { "facilitator.pardisan", new GetVolunteerRoster(Page: -1) },
        { "facilitator.pardisan", new GetPlacementTargets(PageSize: 100_000) },
        { "facilitator.pardisan", new GetPlacementTargets(PageSize: 0) },
        { "officer.qom", new GetEscalations(PageSize: Paging.MaxPageSize + 1) },
        { "facilitator.pardisan", new GetResidents(null, 0, Paging.MaxPageSize + 1) },
        { "facilitator.pardisan", new GetResidents(null, -1, 25) },
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public async Task A_page_larger_than_the_cap_or_before_the_first_is_refused_with_a_translated_message(string userName, IMessage query)
    {
        var user = await App.PrincipalOfAsync(userName);
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<object>(user, query));
        Assert.DoesNotContain("Paging.", refused.Message);
    }

    [Fact]
    public async Task The_roster_read_page_by_page_holds_every_volunteer_of_the_centre_once()
    {
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var whole = await App.SendAsync<VolunteerRoster>(facilitator, new GetVolunteerRoster(PageSize: Paging.MaxPageSize));
        Assert.True(whole.Total > 3, "a few pages are needed to prove anything");

        var paged = await ReadAllAsync(facilitator, page => new GetVolunteerRoster(Page: page, PageSize: 3, Sort: RosterSort.Name), (VolunteerRoster r) => (r.Volunteers, r.Total));

        Assert.Equal(whole.Total, paged.Count);
        Assert.Equal(whole.Volunteers.Select(v => v.Id).Order(), paged.Select(v => v.Id).Order());
        Assert.Equal(paged.Select(v => v.Name).Order(StringComparer.Ordinal), paged.Select(v => v.Name), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Placement_targets_read_page_by_page_are_every_open_duty_then_every_approved_need_once()
    {
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var whole = await App.SendAsync<Paged<PlacementTarget>>(facilitator, new GetPlacementTargets(PageSize: Paging.MaxPageSize));
        Assert.Contains(whole.Items, t => t.DutyId is not null);
        Assert.Contains(whole.Items, t => t.NeedId is not null);

        var paged = await ReadAllAsync(facilitator, page => new GetPlacementTargets(page, 4), (Paged<PlacementTarget> p) => (p.Items, p.Total));

        Assert.Equal(whole.Items.Select(t => t.Key), paged.Select(t => t.Key));
        Assert.Equal(paged.Count, paged.Select(t => t.Key).Distinct().Count());
    }

    private async Task<List<TRow>> ReadAllAsync<TResult, TRow>(ClaimsPrincipal user, Func<int, IMessage> pageOf, Func<TResult, (IReadOnlyList<TRow> Rows, int Total)> rows)
    {
        var all = new List<TRow>();
        for (var page = 0; page < 50; page++)
        {
            var (items, total) = rows(await App.SendAsync<TResult>(user, pageOf(page)));
            Assert.True(items.Count <= 4);
            all.AddRange(items);
            if (all.Count >= total) break;
        }
        return all;
    }
}
