using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Salam.Application.Tests;

/// <summary>
/// Every refusal a feature can give has its message in Persian and in English: the domain's codes and the handlers' keys,
/// read from the feature's folders. Two keys each feature surely uses are checked first, so a moved folder cannot pass empty.
/// </summary>
public sealed partial class FeatureMessagesTests
{
    [Theory]
    [InlineData("Meetings", "Meeting.NotYetHeld", "Meeting.ChangedMeanwhile")]
    [InlineData("Stories", "Story.DutyDisputed", "Story.PhotoNotImage")]
    [InlineData("Campaigns", "Allocation.MoreThanReceived", "Donation.ReceiptTaken")]
    [InlineData("Shifts", "Shift.Full", "Shift.EventExists")]
    public void Every_refusal_of_the_feature_is_translated_in_both_languages(string feature, string usedKey, string otherUsedKey)
    {
        var repository = FindRepository();
        var sources = Directory.EnumerateFiles(Path.Combine(repository, "Salam.Domain", feature), "*.cs")
            .Concat(Directory.EnumerateFiles(Path.Combine(repository, "Salam.Application", feature), "*.cs", SearchOption.AllDirectories))
            // The scope check refuses with the meetings' keys too.
            .Append(Path.Combine(repository, "Salam.Application", "Common", "Security", "ScopeResolver.cs"));
        var keys = sources.SelectMany(file => MessageKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.Contains(usedKey, keys);
        Assert.Contains(otherUsedKey, keys);

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
