using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.WebUtilities;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.E2E.Tests;

/// <summary>
/// One person's browser in front of the nodes: one cookie jar for every node (they share the host, as behind one proxy),
/// no redirects followed, so each response is seen as the node sent it.
/// </summary>
public sealed partial class TwoNodesVisitor : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly Dictionary<Uri, HttpClient> _clients = [];

    public HttpClient On(TwoNodesNode node)
    {
        if (!_clients.TryGetValue(node.Url, out var client))
            _clients[node.Url] = client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false })
            {
                BaseAddress = node.Url,
                Timeout = TimeSpan.FromMinutes(2),
            };
        return client;
    }

    /// <summary>A resident asks a node for a code, reads it on that node's /dev/sms and enters it there.</summary>
    public async Task SignInResidentAsync(TwoNodesNode node, string mobile)
    {
        var client = On(node);
        await client.RequestCodeAsync(mobile);
        var outbox = new HtmlParser().ParseDocument(await client.GetStringAsync("/dev/sms"));
        var text = outbox.QuerySelectorAll("tbody tr")
            .FirstOrDefault(row => row.QuerySelector("td")?.TextContent.Trim() == mobile)?.QuerySelectorAll("td")[1].TextContent
            ?? throw new InvalidOperationException($"node {node.Name} texted nothing to {mobile}");
        var entered = await client.EnterCodeAsync(mobile, SixDigits().Match(text).Value);
        if (entered.StatusCode != HttpStatusCode.Redirect || Cookie(".AspNetCore.Identity.Application") is null)
            throw new InvalidOperationException($"{mobile} was not signed in on {node.Name}: {entered.StatusCode}");
    }

    public async Task SignInStaffAsync(TwoNodesNode node, string userName)
    {
        var signedIn = await On(node).SignInStaffAsync(userName, DemoDataSeeder.DemoPassword);
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{userName} was not signed in on {node.Name}: {signedIn.StatusCode}");
    }

    /// <summary>
    /// Reads a server-rendered form on one node (its antiforgery token and hidden fields) and posts it to another, as a
    /// proxy without sticky sessions would send the post.
    /// </summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyDictionary<string, string> Posted)> PostFormAcrossAsync(TwoNodesNode readOn, TwoNodesNode postTo, string path, string formName, IDictionary<string, string> fields)
    {
        var document = new HtmlParser().ParseDocument(await On(readOn).GetStringAsync(path));
        var form = document.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {path} of {readOn.Name}");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type='hidden']").Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields) values[name] = value;
        return (await On(postTo).PostAsync(path, new FormUrlEncodedContent(values)), values);
    }

    /// <summary>
    /// Hangfire's own dashboard "Trigger now" for a recurring job, as an administrator clicks it on /jobs/recurring of this
    /// node: the page's antiforgery token in the header the page names. The job is enqueued on the shared storage.
    /// </summary>
    public async Task TriggerRecurringJobAsync(TwoNodesNode node, string jobId)
    {
        var client = On(node);
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/jobs/recurring"));
        var header = page.QuerySelector("meta[name='csrf-header']")?.GetAttribute("content") ?? throw new InvalidOperationException("no csrf-header on /jobs/recurring");
        var token = page.QuerySelector("meta[name='csrf-token']")?.GetAttribute("content") ?? throw new InvalidOperationException("no csrf-token on /jobs/recurring");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/jobs/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", jobId)]),
        };
        request.Headers.Add(header, token);
        var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Trigger of {jobId} on {node.Name} answered {response.StatusCode}");
    }

    /// <summary>The sign-in cookie, its chunks joined when it was split (ASP.NET Core splits cookies over 4 kB).</summary>
    public string SignInCookie()
    {
        var value = Cookie(".AspNetCore.Identity.Application") ?? throw new InvalidOperationException("not signed in");
        if (!value.StartsWith("chunks-", StringComparison.Ordinal)) return value;
        var count = int.Parse(value["chunks-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(Enumerable.Range(1, count).Select(i => Cookie($".AspNetCore.Identity.ApplicationC{i}")));
    }

    public string? Cookie(string name) => _cookies.GetAllCookies().FirstOrDefault(c => c.Name == name)?.Value;

    /// <summary>The antiforgery cookie (its name ends with a hash of the app's name): protected with the issuing node's key.</summary>
    public string AntiforgeryCookie() => _cookies.GetAllCookies().FirstOrDefault(c => c.Name.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))?.Value
        ?? throw new InvalidOperationException("no antiforgery cookie");

    /// <summary>
    /// The Data Protection key a protected value was made with: its payload is a 4-byte magic header, then the key's id.
    /// Cookies and antiforgery tokens are such payloads in base64url.
    /// </summary>
    public static Guid KeyIdOf(string protectedValue) => new(WebEncoders.Base64UrlDecode(Uri.UnescapeDataString(protectedValue)).AsSpan(4, 16));

    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
