using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Salam.Application.Duties.Queries.GetAgencyDuties;
using Salam.Application.Duties.Queries.GetDuty;
using Salam.Domain.Meetings;
using Salam.Testing;

namespace Salam.Application.Tests.Meetings.Queries;

/// <summary>A duty decided at a meeting names the meeting and the decision, on its page and on its agency's desk; other duties name none.</summary>
public sealed class DutyOriginTests(DutyOriginTests.CountedApp fixture) : IClassFixture<DutyOriginTests.CountedApp>
{
    /// <summary>The demo country, with every query the app sends counted.</summary>
    public sealed class CountedApp : IAsyncLifetime
    {
        public CountedReads Reads { get; } = new();
        public TestApp App { get; private set; } = default!;

        public async Task InitializeAsync() => App = await TestApp.StartAsync(configure: services => services.AddDatabaseInterceptor(Reads));

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private TestApp App => fixture.App;
    private CountedReads Reads => fixture.Reads;

    private async Task<ArrangedMeeting> DecidedForWelfareAsync(int decisions, string title)
    {
        var pardisan = await App.NeighbourhoodAsync("Pardisan");
        var welfare = await App.AgencyAsync(WelfareDuties.Agency);
        return await App.ArrangeMeetingAsync(MeetingStatus.MinutesPublished, MeetingScope.Neighbourhood, pardisan, App.Clock.GetUtcNow().AddDays(-4), title: title,
            decisions: [.. Enumerable.Range(1, decisions).Select(i => MeetingArrange.AgencyDecision(welfare, pardisan, App.Today().AddDays(10 + i), $"تصمیم {i}"))]);
    }

    [Theory]
    [InlineData("agency.qom.welfare")]
    [InlineData("facilitator.pardisan")]
    [InlineData("officer.qom")]
    [InlineData("ministry")]
    public async Task A_decided_duty_names_its_meeting_and_decision_number(string userName)
    {
        var meeting = await DecidedForWelfareAsync(2, "جلسهٔ هماهنگی پردیسان");
        var startsAt = await App.ReadAsync(db => db.Meetings.Where(m => m.Id == meeting.Id).Select(m => m.StartsAt).SingleAsync());

        var duty = await App.SendAsync<DutyDetail>(await App.PrincipalOfAsync(userName), new GetDuty(meeting.DutyIds[1]));

        Assert.Equal(new(meeting.Id, "جلسهٔ هماهنگی پردیسان", MeetingKind.NeighbourhoodCoordination, startsAt, 2), duty.Origin);
    }

    [Fact]
    public async Task A_duty_assigned_outside_a_meeting_has_no_origin()
    {
        var duty = await WelfareDuties.NewAsync(App);

        var detail = await App.SendAsync<DutyDetail>(await App.PrincipalOfAsync("agency.qom.welfare"), new GetDuty(duty.Id));

        Assert.Null(detail.Origin);
    }

    [Fact]
    public async Task The_desk_shows_each_decided_duty_with_its_origin_in_as_many_queries_however_many_there_are()
    {
        var manager = await App.PrincipalOfAsync("agency.qom.welfare");
        var first = await DecidedForWelfareAsync(1, "جلسهٔ نخست");
        var before = await CountAsync(() => App.SendAsync<AgencyDesk>(manager, new GetAgencyDuties()));
        var second = await DecidedForWelfareAsync(4, "جلسهٔ دوم");

        var (desk, reads) = await CountAsync(() => App.SendAsync<AgencyDesk>(manager, new GetAgencyDuties()));

        Assert.Equal(before.Reads, reads);
        var decided = first.DutyIds.Concat(second.DutyIds).ToList();
        Assert.All(decided, id => Assert.NotNull(desk.Duties.Single(d => d.Id == id).Origin));
        var fromMeetings = await App.ReadAsync(db => db.MeetingDecisions.Where(d => d.DutyId != null).Select(d => d.DutyId!.Value).ToListAsync());
        Assert.All(desk.Duties, d => Assert.Equal(fromMeetings.Contains(d.Id), d.Origin is not null));
        Assert.Equal([1, 2, 3, 4], desk.Duties.Where(d => second.DutyIds.Contains(d.Id)).Select(d => d.Origin!.DecisionNumber).Order());
        Assert.All(desk.Duties.Where(d => second.DutyIds.Contains(d.Id)), d => Assert.Equal((second.Id, "جلسهٔ دوم"), (d.Origin!.MeetingId, d.Origin.MeetingTitle)));
        Assert.Contains(desk.Duties, d => d.Origin is null);
    }

    private async Task<(T Result, int Reads)> CountAsync<T>(Func<Task<T>> send)
    {
        var start = Reads.Count;
        var result = await send();
        return (result, Reads.Count - start);
    }

    /// <summary>Counts the queries the app sends.</summary>
    public sealed class CountedReads : DbCommandInterceptor
    {
        private int _count;
        public int Count => _count;

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }
}
