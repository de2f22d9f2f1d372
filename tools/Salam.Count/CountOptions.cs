using System.Globalization;

namespace Salam.Count;

/// <summary>The command line: <c>--method &lt;borda|schulze|equal-shares&gt; --input &lt;file&gt; [--ranks K] [--budget N]</c>.</summary>
public sealed record CountOptions(string Method, string Input, int? Ranks, long? Budget)
{
    public static CountOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i];
            if (name is not ("--method" or "--input" or "--ranks" or "--budget")) throw new UsageException($"unknown argument '{name}'");
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"{name} needs a value");
            if (!values.TryAdd(name, args[i + 1])) throw new UsageException($"{name} is given twice");
        }
        if (!values.TryGetValue("--method", out var method)) throw new UsageException("--method is missing");
        if (!CountCommand.Methods.ContainsKey(method))
            throw new UsageException($"unknown method '{method}': use {string.Join(", ", CountCommand.Methods.Keys)}");
        if (!values.TryGetValue("--input", out var input)) throw new UsageException("--input is missing");
        int? ranks = values.TryGetValue("--ranks", out var k) ? (int)Positive(k, "--ranks", int.MaxValue) : null;
        long? budget = values.TryGetValue("--budget", out var b) ? Positive(b, "--budget", long.MaxValue) : null;
        if (ranks is not null && method != "borda") throw new UsageException("--ranks applies to borda only");
        if (budget is not null && method != "equal-shares") throw new UsageException("--budget applies to equal-shares only");
        return new CountOptions(method, input, ranks, budget);
    }

    private static long Positive(string text, string name, long max) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max
            ? value
            : throw new UsageException($"{name} must be a whole number of at least 1, not '{text}'");
}

/// <summary>Arguments the tool cannot run with.</summary>
public sealed class UsageException(string message) : Exception(message);
