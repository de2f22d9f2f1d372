using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Salam.Testing;

/// <summary>Submits a server-rendered Blazor form as a browser without script would: read the page, keep its hidden fields, post.</summary>
public static class FormPost
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, string formName, IDictionary<string, string> fields) =>
        await (await client.ReadFormAsync(pageUrl, formName))(fields);

    /// <summary>Reads the form now and returns its post, to send later (after a test has changed something under the app).</summary>
    public static async Task<Func<IDictionary<string, string>, Task<HttpResponseMessage>>> ReadFormAsync(this HttpClient client, string pageUrl, string formName)
    {
        var (action, hidden) = await HiddenFieldsAsync(client, pageUrl, formName);
        return fields =>
        {
            var values = new Dictionary<string, string>(hidden);
            foreach (var (name, value) in fields) values[name] = value;
            return client.PostAsync(action, new FormUrlEncodedContent(values));
        };
    }

    /// <summary>
    /// Submits the form as another site would forge it: its antiforgery token left out, or replaced by one from another
    /// session (<paramref name="foreignToken"/>). Everything else is the page's own.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitForgedAsync(this HttpClient client, string pageUrl, string formName, IDictionary<string, string> fields, string? foreignToken = null)
    {
        var (action, values) = await HiddenFieldsAsync(client, pageUrl, formName);
        foreach (var (name, value) in fields) values[name] = value;
        if (!values.Remove(AntiforgeryField)) throw new InvalidOperationException($"The form '{formName}' on {pageUrl} carries no antiforgery token to leave out");
        if (foreignToken is not null) values[AntiforgeryField] = foreignToken;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>The antiforgery token a page hands this client (its session), e.g. to forge a post from another one.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(pageUrl))
            .QuerySelector<IHtmlInputElement>($"input[name='{AntiforgeryField}']")?.Value
        ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}");

    public static async Task<string> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        var hops = 0;
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && hops++ < 5)
            response = await client.GetAsync(response.Headers.Location);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<(string Action, Dictionary<string, string> Values)> HiddenFieldsAsync(HttpClient client, string pageUrl, string formName)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {pageUrl} ({page.StatusCode})");

        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type='hidden']")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return (action, values);
    }
}
