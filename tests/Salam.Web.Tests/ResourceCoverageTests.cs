using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Salam.Web.Tests;

/// <summary>Every UI string key used by a component exists in Persian and in English.</summary>
public sealed partial class ResourceCoverageTests
{
    private static readonly string Repository = FindRepository();

    [Fact]
    public void Every_key_the_components_use_is_translated_in_both_languages()
    {
        var used = Directory.EnumerateFiles(Path.Combine(Repository, "Salam.Web", "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LocalizerKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.NotEmpty(used);

        foreach (var resx in new[] { "UiText.resx", "UiText.en.resx" })
        {
            var defined = Keys(Path.Combine(Repository, "Salam.Web", "Localization", resx));
            Assert.Empty(used.Except(defined).Order());
        }
    }

    [Fact]
    public void Persian_and_english_have_the_same_keys()
    {
        var localization = Path.Combine(Repository, "Salam.Web", "Localization");
        Assert.Equal(Keys(Path.Combine(localization, "UiText.resx")).Order(), Keys(Path.Combine(localization, "UiText.en.resx")).Order());
        var messages = Path.Combine(Repository, "Salam.Application", "Resources");
        Assert.Equal(Keys(Path.Combine(messages, "Messages.resx")).Order(), Keys(Path.Combine(messages, "Messages.en.resx")).Order());
    }

    private static HashSet<string> Keys(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static string FindRepository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Salam.Governance.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Salam.Governance.sln not found above the test folder.");
    }

    [GeneratedRegex("""L\["([A-Za-z.]+)"\]""")]
    private static partial Regex LocalizerKey();
}
