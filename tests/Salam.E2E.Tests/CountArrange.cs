using System.Diagnostics;

namespace Salam.E2E.Tests;

/// <summary>
/// What the count journey arranges without the browser: the demo residents it signs in as, and tools/Salam.Count run as the
/// separate program anyone would run (requests as a person go through Salam.Testing's AppRequests).
/// </summary>
internal static class CountArrange
{
    /// <summary>Pardisan's demo residents: 40 of them, mobiles 09120000001 … 09120000040.</summary>
    public static string PardisanResident(int n) => $"0912{n:D7}";

    /// <summary>Runs the built tools/Salam.Count (its dll, with dotnet) and returns its standard output's lines and exit code.</summary>
    public static async Task<(int ExitCode, string[] Lines, string Error)> RunCountToolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CountToolDll());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), await error);
    }

    // The solution builds the tool beside this test project, in the same configuration.
    private static string CountToolDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = here.Parent!.Name; // bin/<Configuration>/net10.0
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Salam.Governance.sln"))) root = root.Parent;
        var dll = Path.Combine(root!.FullName, "tools", "Salam.Count", "bin", configuration, here.Name, "Salam.Count.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: tools/Salam.Count is not built.", dll);
    }
}
