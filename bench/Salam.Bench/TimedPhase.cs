using System.Collections.Concurrent;
using System.Diagnostics;

namespace Salam.Bench;

public enum Outcome : byte { NotPosted, Acknowledged, Refused, OtherStatus, Failed }

public sealed record TimedResult(
    double Seconds, int Posted, int Acknowledged, int Refused, int Other, int Failed, bool RanOut,
    long[] SortedTicks, IReadOnlyDictionary<string, int> Reasons, string Cpu,
    Dictionary<long, int> AcknowledgedResidents, List<long> UnacknowledgedResidents);

/// <summary>
/// The timed phase: <c>concurrency</c> workers, each takes the next signed-in resident and posts their ballot
/// (prepared during setup, so the driver spends little CPU here), until the time is up or residents run out.
/// A redirect to ?saved=1 is the app's acknowledgement. With several nodes, each post goes to the next node in turn.
/// </summary>
public static class TimedPhase
{
    /// <summary>
    /// Posts the first residents' ballots for <paramref name="seconds"/>, uncounted, so the timed phase measures code that is
    /// compiled and warm (a freshly started process runs its first requests unoptimised); returns the residents left.
    /// Workers take residents in order, so the ones posted are the first <see cref="TimedResult.Posted"/>.
    /// </summary>
    public static async Task<IReadOnlyList<BenchResident>> WarmUpAsync(string who, Nodes nodes, IReadOnlyList<BenchResident> ready, int seconds, int concurrency,
        CancellationToken cancellationToken)
    {
        if (seconds == 0) return ready;
        var warm = await RunAsync(nodes, ready, seconds, concurrency, cancellationToken, quiet: true);
        Console.WriteLine($"{who}: warm-up {Say.N(warm.Seconds)}s, {warm.Acknowledged:N0} ballots stored, not counted");
        return ready.Skip(warm.Posted).ToList();
    }

    public static async Task<TimedResult> RunAsync(Nodes nodes, IReadOnlyList<BenchResident> ready, int seconds, int concurrency, CancellationToken cancellationToken,
        bool quiet = false)
    {
        var count = ready.Count;
        var ticks = new long[count];
        var outcomes = new Outcome[count];
        var reasons = new ConcurrentDictionary<string, int>();
        var next = -1;
        var acknowledged = 0;
        var ranOut = false;

        var cpuBefore = CpuSample.Take();
        var start = Stopwatch.GetTimestamp();
        var deadline = start + seconds * Stopwatch.Frequency;
        var last = (Time: TimeSpan.Zero, Count: 0);
        await using (new Ticker(elapsed =>
        {
            var now = Volatile.Read(ref acknowledged);
            var rate = (now - last.Count) / Math.Max(0.001, (elapsed - last.Time).TotalSeconds);
            last = (elapsed, now);
            var problems = Math.Min(count, Volatile.Read(ref next) + 1) - now;
            return $"ballots: {elapsed.TotalSeconds,5:F1}s  acknowledged {now,8:N0}  {rate,6:F0}/s  (not acknowledged or in flight {problems})";
        }, quiet))
        {
            var workers = new Task[concurrency];
            for (var w = 0; w < concurrency; w++)
            {
                workers[w] = Task.Run(async () =>
                {
                    while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline)
                    {
                        var i = Interlocked.Increment(ref next);
                        if (i >= count)
                        {
                            ranOut = true;
                            return;
                        }
                        var resident = ready[i];
                        try
                        {
                            var answer = await nodes.Next().PostEncodedAsync(resident.BallotPath!, resident.BallotBody!, resident.Jar, cancellationToken);
                            ticks[i] = answer.Ticks;
                            if (answer.IsRedirect && answer.Location?.Contains("saved=1", StringComparison.Ordinal) == true)
                            {
                                outcomes[i] = Outcome.Acknowledged;
                                Interlocked.Increment(ref acknowledged);
                            }
                            else
                            {
                                outcomes[i] = answer.Status == 400 ? Outcome.Refused : Outcome.OtherStatus;
                                var why = answer.IsRedirect ? $"→ {answer.Location}" : Html.Message(answer.Body, 160);
                                reasons.AddOrUpdate($"{answer.Status} {why}", 1, (_, n) => n + 1);
                            }
                        }
                        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                        {
                            outcomes[i] = Outcome.Failed;
                            return;
                        }
                        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                        {
                            outcomes[i] = Outcome.Failed;
                            reasons.AddOrUpdate($"{e.GetType().Name}: {e.Message}", 1, (_, n) => n + 1);
                        }
                    }
                }, CancellationToken.None);
            }
            await Task.WhenAll(workers);
        }
        var end = Stopwatch.GetTimestamp();
        var cpu = CpuSample.Describe(cpuBefore, CpuSample.Take());

        var answered = new List<long>(count);
        var ackResidents = new Dictionary<long, int>(acknowledged);
        var unackResidents = new List<long>();
        int posted = 0, refused = 0, other = 0, failed = 0;
        for (var i = 0; i < count; i++)
        {
            switch (outcomes[i])
            {
                case Outcome.NotPosted: continue;
                case Outcome.Acknowledged: ackResidents[ready[i].Id] = ready[i].Ranks; break;
                case Outcome.Refused: refused++; unackResidents.Add(ready[i].Id); break;
                case Outcome.OtherStatus: other++; unackResidents.Add(ready[i].Id); break;
                case Outcome.Failed: failed++; unackResidents.Add(ready[i].Id); break;
            }
            posted++;
            if (outcomes[i] != Outcome.Failed) answered.Add(ticks[i]);
        }
        var sorted = answered.ToArray();
        Array.Sort(sorted);
        return new TimedResult((end - start) / (double)Stopwatch.Frequency, posted, ackResidents.Count, refused, other, failed,
            ranOut, sorted, reasons, cpu, ackResidents, unackResidents);
    }
}
