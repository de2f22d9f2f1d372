using Salam.Bench.Data;

namespace Salam.Bench.Floor;

public sealed record FloorResult(double Rate, TimedResult Timed, Readback Back);

/// <summary>
/// The floor, measured in the same run as the app: residents inserted the same way (fresh ones of the same neighbourhood),
/// each given one of the app's prepared ballot bodies in turn (so the same spread of ranks), posted by the same timed loop
/// with the same concurrency for the same time to <see cref="FloorServer"/>, which stores them in the same database with
/// the same durability; then read back the same way.
/// </summary>
public static class FloorPhase
{
    public static async Task<FloorResult> RunAsync(BenchOptions options, BenchDatabase db, RoundInfo round, IReadOnlyList<BenchResident> appBallots,
        CancellationToken cancellationToken)
    {
        var rows = db.EnsureResidents(round, options.FloorResidents, Console.WriteLine);
        var residents = new List<BenchResident>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var model = appBallots[i % appBallots.Count];
            residents.Add(new BenchResident(rows[i])
            {
                BallotPath = FloorServer.PathFor(round.Id, rows[i].Id),
                BallotBody = model.BallotBody,
                Ranks = model.Ranks,
            });
        }

        using var store = new FloorStore(db.Dialect, round.NeighbourhoodId);
        await using var server = await FloorServer.StartAsync(store, cancellationToken);
        using var floor = new Nodes([server.Url], options.Concurrency + 8);
        Console.WriteLine($"floor: {residents.Count:N0} fresh residents; a bare Kestrel endpoint at {server.Url} storing into {db.Dialect.Name} "
            + $"({(db.Dialect.SingleWriter ? "one queued writer, WAL, synchronous=NORMAL" : "pooled connections, the server's synchronous_commit")}); "
            + $"posting for {options.Seconds}s with {options.Concurrency} concurrent posts…");
        var timedResidents = await TimedPhase.WarmUpAsync("floor", floor, residents, options.WarmUp, options.Concurrency, cancellationToken);
        var timed = await TimedPhase.RunAsync(floor, timedResidents, options.Seconds, options.Concurrency, cancellationToken);
        var rate = timed.Acknowledged / timed.Seconds;
        Console.WriteLine($"floor: {Say.N(timed.Seconds, "F2")}s; posted {timed.Posted:N0}: acknowledged {timed.Acknowledged:N0}, refused {timed.Refused:N0}, "
            + $"other {timed.Other:N0}, no answer {timed.Failed:N0}; {Say.N(rate)}/s p95={Say.N(Percentiles.Of(timed.SortedTicks, 95, sorted: true))}ms");
        if (timed.RanOut)
            Console.WriteLine($"floor: STOPPED EARLY after {Say.N(timed.Seconds)}s: all {timedResidents.Count:N0} floor residents left after the warm-up had voted (pass a larger --floor-residents)");
        foreach (var (reason, n) in timed.Reasons.OrderByDescending(r => r.Value).Take(3))
            Console.WriteLine($"floor: {n:N0} × {reason}");
        Console.WriteLine("floor " + timed.Cpu);
        var back = db.ReadBack(round.Id, timed.AcknowledgedResidents, timed.UnacknowledgedResidents);
        Console.WriteLine($"floor: readback: stored {back.Stored:N0}, missing {back.Missing:N0}, {back.Entries:N0} entries for {back.ExpectedEntries:N0} ranks sent");
        return new FloorResult(rate, timed, back);
    }
}
