using System.Diagnostics;
using System.Globalization;

namespace Salam.Bench;

/// <summary>One resident as the driver plays them: their cookies, and the ballot they will post.</summary>
public sealed class BenchResident(ResidentRow row)
{
    public long Id { get; } = row.Id;
    public string Mobile { get; } = row.Mobile;
    public CookieJar Jar { get; set; } = new();
    public string? CodePath { get; set; }
    /// <summary>The node that sent the sign-in code: its outbox lists it.</summary>
    public AppClient? CodeNode { get; set; }
    public string? BallotPath { get; set; }
    public byte[]? BallotBody { get; set; }
    public int Ranks { get; set; }
    public int Attempts { get; set; }
}

/// <summary>Latencies in Stopwatch ticks, added from many tasks.</summary>
public sealed class Latencies
{
    private readonly List<long> _ticks = [];

    public void Add(long ticks) { lock (_ticks) _ticks.Add(ticks); }

    public int Count { get { lock (_ticks) return _ticks.Count; } }

    public double Percentile(double p) { lock (_ticks) return Percentiles.Of(_ticks.ToArray(), p); }
}

public static class Percentiles
{
    /// <summary>Nearest-rank percentile of Stopwatch ticks, in milliseconds (0 when empty). Sorts <paramref name="ticks"/> in place.</summary>
    public static double Of(long[] ticks, double p, bool sorted = false)
    {
        if (ticks.Length == 0) return 0;
        if (!sorted) Array.Sort(ticks);
        var rank = (int)Math.Ceiling(p / 100.0 * ticks.Length);
        return ticks[Math.Clamp(rank - 1, 0, ticks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}

/// <summary>Prints a line once a second until disposed.</summary>
public sealed class Ticker : IAsyncDisposable
{
    private readonly PeriodicTimer _timer = new(TimeSpan.FromSeconds(1));
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;

    public Ticker(Func<TimeSpan, string> line, bool quiet = false) => _loop = RunAsync(line, quiet);

    private async Task RunAsync(Func<TimeSpan, string> line, bool quiet)
    {
        while (await _timer.WaitForNextTickAsync())
            if (!quiet) Console.WriteLine(line(_clock.Elapsed));
    }

    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        await _loop;
    }
}

/// <summary>CPU used by this process and by the whole machine (Linux /proc/stat), to tell the driver's share from the app's.</summary>
public readonly record struct CpuSample(TimeSpan Process, long MachineBusy, long MachineTotal, long Timestamp, long? AppTicks)
{
    /// <summary>The app's process id (--app-pid), to tell its CPU from other load on the machine.</summary>
    public static int? AppPid { get; set; }

    public static CpuSample Take()
    {
        long busy = 0, total = 0;
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // cpu user nice system idle iowait irq softirq steal ...
            var v = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
            total = busy + v[3] + v[4];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { }
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new CpuSample(self.TotalProcessorTime, busy, total, Stopwatch.GetTimestamp(), AppCpuTicks());
    }

    /// <summary>utime + stime of the app (fields 14 and 15 of /proc/PID/stat), in clock ticks of 1/100 s.</summary>
    private static long? AppCpuTicks()
    {
        if (AppPid is not { } pid) return null;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>"machine 1.9 of 2 cores busy; driver 0.6 cores; app and the rest 1.3 cores"</summary>
    public static string Describe(CpuSample from, CpuSample to)
    {
        var wall = (to.Timestamp - from.Timestamp) / (double)Stopwatch.Frequency;
        var driver = (to.Process - from.Process).TotalSeconds / wall;
        if (to.MachineTotal <= from.MachineTotal) return $"cpu: driver {driver:F2} cores";
        var machine = (double)(to.MachineBusy - from.MachineBusy) / (to.MachineTotal - from.MachineTotal) * Environment.ProcessorCount;
        if (from.AppTicks is { } appFrom && to.AppTicks is { } appTo)
        {
            var app = (appTo - appFrom) / 100.0 / wall;
            return $"cpu: machine {machine:F2} of {Environment.ProcessorCount} cores busy; app {app:F2} cores; driver {driver:F2} cores; anything else {Math.Max(0, machine - app - driver):F2} cores";
        }
        return $"cpu: machine {machine:F2} of {Environment.ProcessorCount} cores busy; driver {driver:F2} cores; the app and the rest {Math.Max(0, machine - driver):F2} cores (pass --app-pid to tell them apart)";
    }
}

public static class Say
{
    public static string N(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);
}
