using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Salam.Application.Tests.Shifts;

/// <summary>Every refusal a shift can give has its message in Persian and in English: the domain's codes and the handlers' keys.</summary>
public sealed partial class ShiftMessagesTests
{
    [Fact]
    public void Every_shift_refusal_is_translated_in_both_languages()
    {
        var repository = FindRepository();
        var sources = Directory.EnumerateFiles(Path.Combine(repository, "Salam.Domain", "Shifts"), "*.cs")
            .Concat(Directory.EnumerateFiles(Path.Combine(repository, "Salam.Application", "Shifts"), "*.cs", SearchOption.AllDirectories));
        var keys = sources.SelectMany(file => MessageKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.Contains("Shift.Full", keys);
        Assert.Contains("Shift.EventExists", keys);

        foreach (var resx in new[] { "Messages.resx", "Messages.en.resx" })
        {
            var values = XDocument.Load(Path.Combine(repository, "Salam.Application", "Resources", resx)).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
            Assert.Empty(keys.Where(k => !values.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).Order());
        }
    }

    private static string FindRepository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Salam.Governance.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Salam.Governance.sln not found above the test folder.");
    }

    // new DomainException("Shift.X", ...) in the domain, Text.Get("Shift.X", ...) in the handlers and validators.
    [GeneratedRegex(@"(?:DomainException|Text\.Get)\(""([A-Za-z]+\.[A-Za-z]+)""")]
    private static partial Regex MessageKey();
}
