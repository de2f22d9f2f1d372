using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Salam.E2E.Tests;

/// <summary>
/// One Salam node as an operator runs it: the built Salam.Web.dll in a process of its own, on a port of its own, against
/// the shared database. Stopped with SIGKILL (the way a crashed machine stops), so nothing it does on the way out helps.
/// </summary>
public sealed class TwoNodesNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private TwoNodesNode(string name, Uri url, Process process)
    {
        Name = name;
        Url = url;
        _process = process;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }
    public Uri Url { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>What the node wrote to its console, for a failure's message.</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Starts <c>dotnet Salam.Web.dll</c> in Development (demo data, /dev/sms) on the PostgreSQL database.</summary>
    public static TwoNodesNode Start(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var (project, dll) = BuildOutput();
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = url.ToString();
        start.Environment["Database__Provider"] = "PostgreSql";
        start.Environment["ConnectionStrings__PostgreSql"] = connectionString;
        // Every person of the test comes from 127.0.0.1: one client to the per-node sign-in limit.
        start.Environment["SignIn__RequestsPerClientPerMinute"] = "500";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return new TwoNodesNode(name, url, Process.Start(start) ?? throw new InvalidOperationException($"node {name} did not start"));
    }

    /// <summary>Waits until /health answers 200: migrated, the key ring read, the jobs registered, Kestrel listening.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"node {Name} exited with {_process.ExitCode} before it was healthy:\n{Log}");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"node {Name} was not healthy in time:\n{Log}");
    }

    /// <summary>SIGSTOP: the node stands still (what the database sends it waits in its socket) until <see cref="ResumeAsync"/>.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT: the paused node carries on where it stood.</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill {signal} {Name} exited {kill.ExitCode}");
    }

    /// <summary>SIGTERM, as systemd stops a service: the node finishes its requests and de-registers its Hangfire server.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        await SignalAsync("-TERM");
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await _process.WaitForExitAsync(patience.Token); }
        catch (OperationCanceledException) { await KillAsync(); }
    }

    /// <summary><c>dotnet Salam.Web.dll migrate</c> (or another operator command) against the database; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string connectionString, params string[] args)
    {
        var (project, dll) = BuildOutput();
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "PostgreSql";
        start.Environment["ConnectionStrings__PostgreSql"] = connectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>SIGKILL: no shutdown, no rollback sent, no Hangfire server de-registered.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            // Enough to see why a node failed, without keeping a whole run's log.
            if (_log.Length > 400_000) _log.Remove(0, 200_000);
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The tests run from tests/Salam.E2E.Tests/bin/<Configuration>/<tfm>/; the app's build is Salam.Web/bin/<Configuration>/<tfm>/.
    internal static (string Project, string Dll) BuildOutput()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var repository = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var project = Path.Combine(repository, "Salam.Web");
        return (project, Path.Combine(project, "bin", configuration, framework, "Salam.Web.dll"));
    }
}
