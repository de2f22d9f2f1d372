using System.Text.Json;
using Microsoft.Playwright;

namespace Salam.E2E.Tests;

/// <summary>
/// axe-core (the npm package in this folder, installed by test.sh) run inside a page, and the checks of the accessibility sweep:
/// WCAG 2.1 A/AA violations and sideways scrolling on a phone.
/// </summary>
internal static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>axe.min.js from tests/Salam.E2E.Tests/node_modules, found by walking up from the test assembly.</summary>
    private static readonly Lazy<string> Source = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(script)) return File.ReadAllText(script);
        }
        throw new FileNotFoundException("axe-core is not installed: run `npm ci` in tests/Salam.E2E.Tests (test.sh does it).");
    });

    public sealed record Violation(string Id, string Impact, string Help, string[] Targets);

    /// <summary>
    /// Runs axe in the page. It is evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
    /// govern, so the app's policy stays as strict as in every other journey (and its refusals are still reported).
    /// </summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(Source.Value);
        var found = await page.EvaluateAsync<JsonElement>(
            """
            async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
                .violations.map(v => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))
            """, Tags);
        return found.Deserialize<Violation[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
    }

    /// <summary>How far the page reaches beyond the viewport sideways (0 when it fits).</summary>
    public static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");

    /// <summary>The innermost elements that stick out of the viewport sideways, to say where a page's overflow comes from.</summary>
    public static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => [...document.body.querySelectorAll('*')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1) && getComputedStyle(e).visibility !== 'hidden'; })
            .filter((e, _, all) => !all.some(o => o !== e && e.contains(o)))
            .slice(0, 4)
            .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).slice(0, 3).join('.') : ''))
            .join(' | ')
        """);

    /// <summary>
    /// Waits for a page to settle: no HTTP request in flight (a staff page's circuit negotiated), then no change to the DOM for
    /// a moment (its data loaded and rendered), at most a few seconds.
    /// </summary>
    public static async Task SettleAsync(IPage page, int quiet = 300)
    {
        try { await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 10_000 }); }
        catch (TimeoutException) { }
        await page.EvaluateAsync(
            """
            quiet => new Promise(done => {
                let timer = setTimeout(finish, quiet);
                const watch = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(finish, quiet); });
                const limit = setTimeout(finish, 3000);
                function finish() { watch.disconnect(); clearTimeout(limit); done(); }
                watch.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
            })
            """, quiet);
    }
}
