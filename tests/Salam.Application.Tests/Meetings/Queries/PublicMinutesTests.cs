using System.Security.Claims;
using System.Text.Json;
using Salam.Application.Common.Exceptions;
using Salam.Application.Meetings.Queries.GetPublicMinutes;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Infrastructure.Identity;
using Salam.Testing;

namespace Salam.Application.Tests.Meetings.Queries;

/// <summary>
/// Residents read the public minutes of meetings whose scope holds their neighbourhood, once published, and nothing else:
/// Pardisan, Qom county and Qom province meetings (published, public), beside Pardisan's unpublished, non-public and planned
/// ones, Safashahr's, Kahak county's and Mazandaran's.
/// </summary>
public sealed class PublicMinutesTests(PublicMinutesTests.Meetings fixture) : IClassFixture<PublicMinutesTests.Meetings>
{
    public sealed class Meetings : IAsyncLifetime
    {
        public TestApp App { get; private set; } = default!;
        public int Pardisan, QomCounty, QomProvince, NotPublic, NotPublished, Planned, Safashahr, Kahak, Mazandaran, PardisanDuty;

        public async Task InitializeAsync()
        {
            App = await TestApp.StartAsync();
            var now = App.Clock.GetUtcNow();
            var pardisan = await App.NeighbourhoodAsync("Pardisan");
            var welfare = await App.AgencyAsync(WelfareDuties.Agency);
            async Task<int> PublishedAsync(MeetingScope scope, int id, int daysAgo, bool isPublic = true, string organiser = "officer.qom", params DecisionDraft[] decisions) =>
                (await App.ArrangeMeetingAsync(MeetingStatus.MinutesPublished, scope, id, now.AddDays(-daysAgo), isPublic, organiser: organiser, decisions: decisions)).Id;

            var first = await App.ArrangeMeetingAsync(MeetingStatus.MinutesPublished, MeetingScope.Neighbourhood, pardisan, now.AddDays(-9), organiser: "facilitator.pardisan",
                decisions: [MeetingArrange.AgencyDecision(welfare, pardisan, App.Today().AddDays(20), "بازسازی پارک محله")]);
            (Pardisan, PardisanDuty) = (first.Id, first.DutyIds[0]);
            await App.AdvanceDutyAsync(PardisanDuty, DutyStatus.InProgress, now.AddDays(-2));
            QomCounty = await PublishedAsync(MeetingScope.County, await App.CountyAsync("Qom"), 8);
            QomProvince = await PublishedAsync(MeetingScope.Province, await App.ProvinceAsync("Qom"), 7);
            NotPublic = await PublishedAsync(MeetingScope.Neighbourhood, pardisan, 6, isPublic: false, organiser: "facilitator.pardisan");
            NotPublished = (await App.ArrangeMeetingAsync(MeetingStatus.Held, MeetingScope.Neighbourhood, pardisan, now.AddDays(-5), minutesPublic: true)).Id;
            Planned = (await App.ArrangeMeetingAsync(MeetingStatus.Planned, MeetingScope.Neighbourhood, pardisan)).Id;
            Safashahr = await PublishedAsync(MeetingScope.Neighbourhood, await App.NeighbourhoodAsync("Safashahr"), 4);
            Kahak = await PublishedAsync(MeetingScope.County, await App.CountyAsync("Kahak"), 3);
            Mazandaran = await PublishedAsync(MeetingScope.Province, await App.ProvinceAsync("Mazandaran"), 2, organiser: "officer.mazandaran");
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private TestApp App => fixture.App;

    private async Task<IReadOnlyList<PublicMinutes>> AsResidentOfAsync(string neighbourhood) =>
        await App.SendAsync<IReadOnlyList<PublicMinutes>>(await App.ResidentPrincipalAsync(await App.ResidentMobileOfAsync(await App.NeighbourhoodAsync(neighbourhood))),
            new GetPublicMinutes());

    [Fact]
    public async Task A_resident_reads_their_neighbourhoods_countys_and_provinces_published_public_minutes_latest_first()
    {
        var minutes = await AsResidentOfAsync("Pardisan");

        Assert.Equal([fixture.QomProvince, fixture.QomCounty, fixture.Pardisan], minutes.Select(m => m.MeetingId));
        Assert.Equal(["قم", "قم", "پردیسان"], minutes.Select(m => m.ScopeName.Fa));
        var own = minutes.Single(m => m.MeetingId == fixture.Pardisan);
        Assert.Equal((MeetingArrange.Minutes, 12), (own.Minutes, own.Attendees));
        Assert.Contains(own.Organisations, o => o.En == WelfareDuties.Agency);
        var decision = Assert.Single(own.Decisions);
        Assert.Equal(("بازسازی پارک محله", fixture.PardisanDuty, DutyStatus.InProgress, 50), (decision.Title, decision.Duty!.DutyId, decision.Duty.Status, decision.Duty.Percent));
    }

    [Fact]
    public async Task Minutes_not_public_not_yet_published_or_only_planned_are_never_shown()
    {
        var shown = (await AsResidentOfAsync("Pardisan")).Select(m => m.MeetingId).ToList();

        Assert.DoesNotContain(fixture.NotPublic, shown);
        Assert.DoesNotContain(fixture.NotPublished, shown);
        Assert.DoesNotContain(fixture.Planned, shown);
    }

    [Theory]
    [InlineData("Safashahr", new[] { "Safashahr", "QomProvince", "QomCounty" })]
    [InlineData("Fordow", new[] { "Kahak", "QomProvince" })]
    [InlineData("Sarvineh Bagh", new[] { "Mazandaran" })]
    [InlineData("Sheykh Tappeh", new string[0])]
    public async Task A_resident_elsewhere_reads_only_the_meetings_that_hold_their_own_neighbourhood(string neighbourhood, string[] expected)
    {
        var ids = new Dictionary<string, int>
        {
            ["Safashahr"] = fixture.Safashahr, ["QomProvince"] = fixture.QomProvince, ["QomCounty"] = fixture.QomCounty,
            ["Kahak"] = fixture.Kahak, ["Mazandaran"] = fixture.Mazandaran,
        };

        var minutes = await AsResidentOfAsync(neighbourhood);

        Assert.Equal(expected.Select(e => ids[e]), minutes.Select(m => m.MeetingId));
    }

    [Fact]
    public async Task No_staff_name_reaches_a_resident()
    {
        var minutes = await AsResidentOfAsync("Pardisan");

        var json = JsonSerializer.Serialize(minutes);
        foreach (var staff in new[] { "facilitator.pardisan", "officer.qom" })
        {
            var account = await App.AccountAsync(staff);
            Assert.DoesNotContain(account.FullName, json);
            Assert.DoesNotContain(account.UserName!, json);
        }
    }

    [Fact]
    public async Task A_tampered_neighbourhood_claim_changes_nothing_the_residents_record_decides()
    {
        var pardisanResident = await App.ResidentPrincipalAsync(await App.ResidentMobileOfAsync(await App.NeighbourhoodAsync("Pardisan")));
        var identity = (ClaimsIdentity)pardisanResident.Identity!;
        identity.RemoveClaim(identity.FindFirst(SalamClaims.Neighbourhood));
        identity.AddClaim(new Claim(SalamClaims.Neighbourhood, (await App.NeighbourhoodAsync("Sarvineh Bagh")).ToString()));

        var minutes = await App.SendAsync<IReadOnlyList<PublicMinutes>>(pardisanResident, new GetPublicMinutes());

        Assert.DoesNotContain(fixture.Mazandaran, minutes.Select(m => m.MeetingId));
        Assert.Contains(fixture.Pardisan, minutes.Select(m => m.MeetingId));
    }

    [Theory]
    [InlineData("facilitator.pardisan")]
    [InlineData("officer.qom")]
    [InlineData("agency.qom.welfare")]
    [InlineData("ministry")]
    public async Task Staff_are_refused_the_residents_view(string userName) =>
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<IReadOnlyList<PublicMinutes>>(await App.PrincipalOfAsync(userName), new GetPublicMinutes()));
}
