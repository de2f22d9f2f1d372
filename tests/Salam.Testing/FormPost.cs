using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Salam.Testing;

/// <summary>Submits a server-rendered Blazor form as a browser without script would: read the page, keep its hidden fields, post.</summary>
public static class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, string formName, IDictionary<string, string> fields) =>
        await (await client.ReadFormAsync(pageUrl, formName))(fields);

    /// <summary>Reads the form now and returns its post, to send later (after a test has changed something under the app).</summary>
    public static async Task<Func<IDictionary<string, string>, Task<HttpResponseMessage>>> ReadFormAsync(this HttpClient client, string pageUrl, string formName)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {pageUrl} ({page.StatusCode})");

        var hidden = form.QuerySelectorAll<IHtmlInputElement>("input[type='hidden']")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return fields =>
        {
            var values = new Dictionary<string, string>(hidden);
            foreach (var (name, value) in fields) values[name] = value;
            return client.PostAsync(action, new FormUrlEncodedContent(values));
        };
    }

    public static async Task<string> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        var hops = 0;
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && hops++ < 5)
            response = await client.GetAsync(response.Headers.Location);
        return await response.Content.ReadAsStringAsync();
    }
}
