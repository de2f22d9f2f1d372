using Salam.Application.Common.Exceptions;
using Salam.Application.Meetings.Queries.GetMeetings;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Testing;

namespace Salam.Application.Tests.Meetings.Queries;

/// <summary>
/// A province's meetings with their decisions' delivery, on Mazandaran (only this class arranges meetings there): a published
/// neighbourhood meeting with five decision duties (one done on time, one done late, one overdue, one not yet due, one declined),
/// a published county meeting with one done on time, a planned one, and a held one of another centre's neighbourhood.
/// </summary>
public sealed class MeetingListTests(MeetingListTests.Mazandaran fixture) : IClassFixture<MeetingListTests.Mazandaran>
{
    public sealed class Mazandaran : IAsyncLifetime
    {
        public TestApp App { get; private set; } = default!;
        public int Province, SarvinehBagh, Neighbourhood, County, Planned, Held;

        public async Task InitializeAsync()
        {
            App = await TestApp.StartAsync();
            var now = App.Clock.GetUtcNow();
            var today = App.Today();
            Province = await App.ProvinceAsync("Mazandaran");
            SarvinehBagh = await App.NeighbourhoodAsync("Sarvineh Bagh");
            var sari = await App.CountyAsync("Sari");
            var welfare = await App.AgencyAsync("Mazandaran Province Welfare Directorate");
            var municipality = await App.AgencyAsync("Sari Municipality");

            var neighbourhood = await App.ArrangeMeetingAsync(MeetingStatus.MinutesPublished, MeetingScope.Neighbourhood, SarvinehBagh, now.AddDays(-20),
                organiser: "facilitator.sari", title: "جلسهٔ سروینه‌باغ", decisions:
                [
                    MeetingArrange.AgencyDecision(welfare, SarvinehBagh, today.AddDays(-10)),
                    MeetingArrange.AgencyDecision(welfare, SarvinehBagh, today.AddDays(-5)),
                    MeetingArrange.AgencyDecision(municipality, SarvinehBagh, today.AddDays(-3)),
                    MeetingArrange.AgencyDecision(municipality, SarvinehBagh, today.AddDays(10)),
                    MeetingArrange.AgencyDecision(welfare, SarvinehBagh, today.AddDays(5)),
                ]);
            Neighbourhood = neighbourhood.Id;
            await App.AdvanceDutyAsync(neighbourhood.DutyIds[0], DutyStatus.Done, now.AddDays(-12));  // on time
            await App.AdvanceDutyAsync(neighbourhood.DutyIds[1], DutyStatus.Done, now.AddDays(-2));   // late
            await App.AdvanceDutyAsync(neighbourhood.DutyIds[2], DutyStatus.Accepted, now.AddDays(-4)); // overdue
            await App.AdvanceDutyAsync(neighbourhood.DutyIds[4], DutyStatus.Declined, now.AddDays(-4));

            var county = await App.ArrangeMeetingAsync(MeetingStatus.MinutesPublished, MeetingScope.County, sari, now.AddDays(-5), organiser: "officer.mazandaran",
                decisions: [MeetingArrange.AgencyDecision(municipality, await App.NeighbourhoodAsync("Ghaffari"), today.AddDays(5))]);
            County = county.Id;
            await App.AdvanceDutyAsync(county.DutyIds[0], DutyStatus.Done, now.AddDays(-1));

            Planned = (await App.ArrangeMeetingAsync(MeetingStatus.Planned, MeetingScope.County, sari, organiser: "officer.mazandaran")).Id;
            // Pahneh Kola is served by another centre than facilitator.sari's.
            Held = (await App.ArrangeMeetingAsync(MeetingStatus.Held, MeetingScope.Neighbourhood, await App.NeighbourhoodAsync("Pahneh Kola"), now.AddDays(-3),
                organiser: "officer.mazandaran", decisions: [new DecisionDraft(DecisionKind.Resolution, "قطعنامه", "", null, null, null, null)])).Id;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private TestApp App => fixture.App;

    private async Task<MeetingList> AskAsync(string userName, int provinceId, int? neighbourhoodId = null) =>
        await App.SendAsync<MeetingList>(await App.PrincipalOfAsync(userName), new GetMeetings(provinceId, neighbourhoodId));

    [Theory]
    [InlineData("officer.mazandaran")]
    [InlineData("ministry")]
    [InlineData("admin")]
    public async Task The_province_sees_every_meeting_latest_first_with_the_share_delivered_on_time(string userName)
    {
        var list = await AskAsync(userName, fixture.Province);

        Assert.Equal("Mazandaran", list.Province.En);
        Assert.Equal([fixture.Planned, fixture.Held, fixture.County, fixture.Neighbourhood], list.Meetings.Select(m => m.Id));
        // Six decision duties; two done by their due date; five settled (done on time, done late, overdue, declined, and the
        // county's done on time): the one not yet due waits.
        Assert.Equal((6, 2), (list.DecisionDuties, list.DeliveredOnTime));
        Assert.Equal(0.4, list.OnTimeShare!.Value, 6);

        var neighbourhood = list.Meetings.Single(m => m.Id == fixture.Neighbourhood);
        Assert.Equal((MeetingScope.Neighbourhood, "سروینه‌باغ", MeetingStatus.MinutesPublished), (neighbourhood.Scope, neighbourhood.ScopeName.Fa, neighbourhood.Status));
        Assert.Equal((5, 5, 1, 1), (neighbourhood.Decisions, neighbourhood.DecisionDuties, neighbourhood.DeliveredOnTime, neighbourhood.Overdue));
        var county = list.Meetings.Single(m => m.Id == fixture.County);
        Assert.Equal((MeetingScope.County, "Sari", 1, 1, 1, 0), (county.Scope, county.ScopeName.En, county.Decisions, county.DecisionDuties, county.DeliveredOnTime, county.Overdue));
        var held = list.Meetings.Single(m => m.Id == fixture.Held);
        Assert.Equal((MeetingStatus.Held, 1, 0), (held.Status, held.Decisions, held.DecisionDuties));
        Assert.Equal((MeetingStatus.Planned, 0), (list.Meetings[0].Status, list.Meetings[0].Decisions));
    }

    [Fact]
    public async Task A_facilitator_naming_their_neighbourhood_sees_only_its_meetings()
    {
        var list = await AskAsync("facilitator.sari", fixture.Province, fixture.SarvinehBagh);

        Assert.Equal([fixture.Neighbourhood], list.Meetings.Select(m => m.Id));
        Assert.Equal((5, 1), (list.DecisionDuties, list.DeliveredOnTime));
        Assert.Equal(0.25, list.OnTimeShare!.Value, 6);
    }

    [Fact]
    public async Task A_facilitator_naming_the_province_never_sees_another_centres_neighbourhood_meeting()
    {
        var list = await AskAsync("facilitator.sari", fixture.Province);

        Assert.DoesNotContain(fixture.Held, list.Meetings.Select(m => m.Id));
        Assert.Contains(fixture.Neighbourhood, list.Meetings.Select(m => m.Id));
    }

    [Fact]
    public async Task A_tampered_province_beside_the_callers_neighbourhood_reads_the_neighbourhoods_own_province()
    {
        var list = await AskAsync("facilitator.sari", await App.ProvinceAsync("Qom"), fixture.SarvinehBagh);

        Assert.Equal("Mazandaran", list.Province.En);
        Assert.Equal([fixture.Neighbourhood], list.Meetings.Select(m => m.Id));
    }

    [Fact]
    public async Task A_province_without_settled_decision_duties_has_no_share()
    {
        var list = await AskAsync("officer.qom", await App.ProvinceAsync("Qom"));

        Assert.Empty(list.Meetings);
        Assert.Null(list.OnTimeShare);
    }

    [Theory]
    [InlineData("officer.qom", false)]
    [InlineData("facilitator.pardisan", true)]
    [InlineData("agency.qom.welfare", false)]
    public async Task Another_province_another_centres_neighbourhood_or_an_agency_manager_is_forbidden(string userName, bool naming)
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => AskAsync(userName, fixture.Province, naming ? fixture.SarvinehBagh : null));
    }

    [Fact]
    public async Task A_province_that_does_not_exist_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(() => AskAsync("ministry", 987_654));
}
