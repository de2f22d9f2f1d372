using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Salam.Application.Tests.Campaigns;

/// <summary>Every refusal a campaign, donation or allocation can give has its message in Persian and in English: the domain's codes and the handlers' keys.</summary>
public sealed partial class CampaignMessagesTests
{
    [Fact]
    public void Every_campaign_refusal_is_translated_in_both_languages()
    {
        var repository = FindRepository();
        var sources = Directory.EnumerateFiles(Path.Combine(repository, "Salam.Domain", "Campaigns"), "*.cs")
            .Concat(Directory.EnumerateFiles(Path.Combine(repository, "Salam.Application", "Campaigns"), "*.cs", SearchOption.AllDirectories));
        var keys = sources.SelectMany(file => MessageKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.Contains("Allocation.MoreThanReceived", keys);
        Assert.Contains("Donation.ReceiptTaken", keys);

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

    [GeneratedRegex(@"(?:DomainException|Text\.Get)\(""([A-Za-z]+\.[A-Za-z]+)""")]
    private static partial Regex MessageKey();
}
