using System.Collections.Frozen;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.Infrastructure.Identity.CommonPasswords;

/// <summary>The most common passwords (see README.md beside this file), loaded once from the embedded list.</summary>
internal static class CommonPasswordList
{
    private static readonly Lazy<FrozenSet<string>> Passwords = new(Load);

    public static int Count => Passwords.Value.Count;

    /// <summary>True when the password, ignoring case, is on the list, or is the demo password the README publishes.</summary>
    public static bool Contains(string password) => Passwords.Value.Contains(password.ToLowerInvariant());

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordList).Assembly.GetManifestResourceStream(typeof(CommonPasswordList).Namespace + ".common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-password list is missing from Salam.Infrastructure.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal) { DemoDataSeeder.DemoPassword.ToLowerInvariant() };
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) passwords.Add(line.ToLowerInvariant());
        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
