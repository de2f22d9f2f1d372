using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Commands.SetAutoPublish;
using Salam.Application.Rounds.Common;
using Salam.Application.Rounds.Queries.GetRoundBallotFile;
using Salam.Application.Rounds.Queries.GetRoundResults;
using Salam.Domain.Audit;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;
using Salam.Domain.Rounds.Counting.Files;

namespace Salam.Application.Tests;

/// <summary>A close freezes the count record in its own transaction: totals, the ballot file's hash, the code's version, the details; audited.</summary>
public sealed class CountRecordTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task Closing_freezes_a_count_record_whose_hash_is_that_of_the_file_downloaded_after_publishing()
    {
        var (roundId, needs, status) = await App.ClosedRoundAsync("دور سابقه", online: 9, paper: 2);
        Assert.Equal(RoundStatus.Closed, status);

        var round = await App.ReadAsync(db => db.PriorityRounds.AsNoTracking().Include(r => r.Results).SingleAsync(r => r.Id == roundId));
        var record = await App.ReadAsync(db => db.RoundCounts.AsNoTracking().SingleAsync(c => c.RoundId == roundId));
        var version = typeof(ICountingMethod).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal((CountingMethod.Borda, 3, (long?)null, 9, 2, version), (record.Method, record.MaxRanks, record.Budget, record.OnlineBallots, record.PaperBallots, record.CodeVersion));
        Assert.Equal(round.ClosedAt!.Value, record.CountedAt, TimeSpan.FromMilliseconds(1));
        Assert.Matches("^[0-9a-f]{64}$", record.Sha256);
        // The method's own order, as the CLI would print it, covers every need on the ballot.
        Assert.Equal(needs.Order(), CountDetails.FromJson(record.Details).MethodOrder.SelectMany(g => g).Order());

        await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("officer.qom"), new PublishRound(roundId));
        var file = await App.SendAsync<BallotFile>(await App.FirstResidentAsync(), new GetRoundBallotFile(roundId));
        Assert.Equal(record.Sha256, file.Sha256);
        var text = Encoding.UTF8.GetString(file.Content);
        Assert.Contains("# NUMBER VOTERS: 11\n", text);
        Assert.DoesNotContain("رأی‌دهندهٔ کاغذی", text); // no resident's name, only rankings
        Assert.DoesNotContain("0938", text);

        var results = await App.SendAsync<RoundResults>(await App.FirstResidentAsync(), new GetRoundResults(roundId));
        Assert.Equal((record.Sha256, version, true, 9, 2), (results.Count!.Sha256, results.Count.CodeVersion, results.Count.FileAvailable, results.Count.OnlineBallots, results.Count.PaperBallots));
        Assert.Equal([1, 2, 3], results.Rows.Select(r => r.Alternative).Order());
        Assert.Equal(round.Results.OrderBy(r => r.Position).Select(r => r.NeedId), results.Rows.Select(r => r.NeedId));
    }

    [Fact]
    public async Task The_close_and_its_count_record_are_in_the_audit_log_under_the_rounds_province()
    {
        var since = await App.ReadAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);
        var (roundId, _, _) = await App.ClosedRoundAsync("دور ردپا", online: 3);

        var events = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > since).ToListAsync());
        var qom = await App.QomAsync();
        var record = await App.ReadAsync(db => db.RoundCounts.SingleAsync(c => c.RoundId == roundId));
        var closed = Assert.Single(events, e => e.Kind == "Round" && e.SubjectId == roundId && e.After!.Contains("\"Status\":2"));
        Assert.Equal(AuditAction.Changed, closed.Action);
        var counted = Assert.Single(events, e => e.Kind == "RoundCount" && e.Action == AuditAction.Created);
        Assert.Equal((record.Id, qom), (counted.SubjectId, counted.ProvinceId));
        Assert.Contains(record.Sha256, counted.After);
    }

    [Fact]
    public async Task A_round_is_counted_once_and_the_database_keeps_it_so()
    {
        var (roundId, _, _) = await App.ClosedRoundAsync("دور یک‌بار", online: 2);
        var before = await App.CountFingerprintAsync();

        await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("facilitator.pardisan"), new CloseRound(roundId)));
        Assert.Equal(before, await App.CountFingerprintAsync());

        var second = await App.ReadAsync(db => db.RoundCounts.AsNoTracking().SingleAsync(c => c.RoundId == roundId));
        await Assert.ThrowsAsync<DbUpdateException>(() => App.ReadAsync(db =>
        {
            db.RoundCounts.Add(new RoundCount(roundId, second.Method, second.MaxRanks, null, 0, 0, second.Sha256, "x", second.CountedAt, "{}"));
            return db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_province_that_publishes_automatically_has_its_rounds_published_at_close_as_a_second_audited_step()
    {
        var officer = await App.PrincipalOfAsync("officer.qom");
        var qom = await App.QomAsync();
        await App.SendAsync<Mediator.Unit>(officer, new SetAutoPublish(qom, true));
        try
        {
            var since = await App.ReadAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);
            var (roundId, _, status) = await App.ClosedRoundAsync("دور خودکار", online: 2);
            Assert.Equal(RoundStatus.Published, status);
            Assert.NotEmpty((await App.SendAsync<RoundResults>(await App.FirstResidentAsync(), new GetRoundResults(roundId))).Rows);

            var changes = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > since && e.Kind == "Round" && e.SubjectId == roundId && e.Action == AuditAction.Changed)
                .OrderBy(e => e.Id).Select(e => e.After!).ToListAsync());
            changes = changes.Where(after => !after.Contains("\"Status\":1")).ToList(); // the opening
            Assert.Equal(2, changes.Count);
            Assert.Contains("\"Status\":2", changes[0]);
            Assert.Contains("\"Status\":3", changes[1]);
        }
        finally
        {
            await App.SendAsync<Mediator.Unit>(officer, new SetAutoPublish(qom, false));
        }
        Assert.Contains(await App.ReadAsync(db => db.AuditEvents.Where(e => e.Kind == "Province" && e.SubjectId == qom).Select(e => e.After).ToListAsync()),
            after => after!.Contains("\"AutoPublishResults\":true"));
    }

    [Fact]
    public async Task Only_the_provinces_officer_or_the_administrator_chooses_automatic_publishing()
    {
        var qom = await App.QomAsync();
        var before = await App.CountFingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<Mediator.Unit>(await App.PrincipalOfAsync("officer.mazandaran"), new SetAutoPublish(qom, true)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<Mediator.Unit>(await App.PrincipalOfAsync("facilitator.pardisan"), new SetAutoPublish(qom, true)));
        Assert.Equal(before, await App.CountFingerprintAsync());
    }
}
