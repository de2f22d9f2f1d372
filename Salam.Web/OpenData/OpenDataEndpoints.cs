using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Salam.Application.Common.Exceptions;
using Salam.Application.Public.Queries.GetNationalPage;
using Salam.Application.Public.Queries.GetNeighbourhoodPage;
using Salam.Application.Public.Queries.GetProvincePage;
using Salam.Infrastructure.Reports;

namespace Salam.Web.OpenData;

/// <summary>
/// Open data (issue 16): the public pages' figures as JSON and CSV for anyone, without signing in, under CC BY 4.0 (docs/OPEN_DATA.md,
/// /open). The same public queries as the pages, so nothing a page withholds is given here. Responses are shared: cacheable by
/// browsers and proxies for a few minutes and kept in the output cache ("public" policy), so a national audience costs a query
/// every few minutes, not one per reader. Described by an OpenAPI document at /open/openapi.json that lists only these.
/// </summary>
public static class OpenDataEndpoints
{
    public const string Group = "open";
    public const string CachePolicy = Common.PublicCaching.Policy;
    public const string CacheControl = "public, max-age=300";
    public const string Licence = "CC-BY-4.0";

    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        // Enums by name in the JSON and in its document: "Disputed" reads better than 6 and survives a reordering.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Persian as it is (a third of the size of \u escapes), but <, >, &, ' and " escaped: a payload in a title is never markup.
            json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.GroupName == Group;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Salam open data";
                document.Info.Version = "1";
                document.Info.Description = "The figures of Salam's public pages (no sign-in): national, per province, per neighbourhood. "
                    + "Counts from 1 to 4 of volunteers, participants or confirmations are withheld (zero is shown; value null, fewerThanSmallNumber true; in CSV an empty value and withheld = 1). "
                    + "Licence: Creative Commons Attribution 4.0 (CC BY 4.0); see /open.";
                document.Info.License = new() { Name = "CC BY 4.0", Url = new Uri("https://creativecommons.org/licenses/by/4.0/") };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static void MapOpenData(this WebApplication app)
    {
        app.MapOpenApi("/open/openapi.json").AllowAnonymous().CacheOutput(CachePolicy);

        var open = app.MapGroup("/open").WithGroupName(Group).AllowAnonymous().CacheOutput(CachePolicy).AddEndpointFilter(Shared);

        open.MapGet("/national.json", async Task<Ok<NationalPage>> (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetNationalPage(), cancellationToken)))
            .WithName("NationalJson").WithSummary("The nation's figures, the provinces compared, featured stories");
        open.MapGet("/national.csv", async (ISender sender, CancellationToken cancellationToken) =>
                Csv(OpenDataTables.National(await sender.Send(new GetNationalPage(), cancellationToken)), "salam-national.csv"))
            .WithName("NationalCsv").WithSummary("The same as one long table (section, id, name_fa, name_en, measure, value, withheld)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

        open.MapGet("/provinces/{code}.json", async Task<Results<Ok<ProvincePage>, ProblemHttpResult>> (string code, ISender sender, CancellationToken cancellationToken) =>
                await Found(() => sender.Send(new GetProvincePage(code), cancellationToken), page => TypedResults.Ok(page)))
            .WithName("ProvinceJson").WithSummary("A province's figures, its counties compared, its neighbourhoods, its stories");
        open.MapGet("/provinces/{code}.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string code, ISender sender, CancellationToken cancellationToken) =>
                await Found(() => sender.Send(new GetProvincePage(code), cancellationToken), page => Csv(OpenDataTables.Province(page), $"salam-province-{Safe(code)}.csv")))
            .WithName("ProvinceCsv").WithSummary("The same as one long table").Produces<string>(StatusCodes.Status200OK, "text/csv");

        open.MapGet("/neighbourhoods/{code}.json", async Task<Results<Ok<NeighbourhoodPage>, ProblemHttpResult>> (string code, ISender sender, CancellationToken cancellationToken) =>
                await Found(() => sender.Send(new GetNeighbourhoodPage(code), cancellationToken), page => TypedResults.Ok(page)))
            .WithName("NeighbourhoodJson").WithSummary("A neighbourhood's centre, round, results, duties, public minutes, volunteers by skill, stories");
        open.MapGet("/neighbourhoods/{code}.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string code, ISender sender, CancellationToken cancellationToken) =>
                await Found(() => sender.Send(new GetNeighbourhoodPage(code), cancellationToken), page => Csv(OpenDataTables.Neighbourhood(page), $"salam-neighbourhood-{Safe(code)}.csv")))
            .WithName("NeighbourhoodCsv").WithSummary("The same as one long table").Produces<string>(StatusCodes.Status200OK, "text/csv");
    }

    private static FileContentHttpResult Csv(IEnumerable<IReadOnlyList<object?>> rows, string name) =>
        TypedResults.File(TableExport.Csv(OpenDataTables.Headers, rows), "text/csv; charset=utf-8", name);

    private static async Task<Results<T, ProblemHttpResult>> Found<TPage, T>(Func<ValueTask<TPage>> read, Func<TPage, T> answer) where T : IResult
    {
        try
        {
            return answer(await read());
        }
        catch (NotFoundException missing)
        {
            return TypedResults.Problem(missing.Message, statusCode: StatusCodes.Status404NotFound);
        }
    }

    // A code is the reader's text: only letters, digits and dashes reach the file name.
    private static string Safe(string code) => new([.. code.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(40)]);

    /// <summary>
    /// Shared caching for what anyone may read, and readable from other sites' scripts (no cookies are read or honoured). The
    /// headers are set before the answer is written, so the output cache keeps them with it; an error is never stored, and an
    /// answer that turns out to set a cookie (a signed-in reader's renewed sign-in) is never stored by a shared cache either.
    /// </summary>
    private static async ValueTask<object?> Shared(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var response = context.HttpContext.Response;
        response.Headers.CacheControl = "no-store";
        var result = await next(context);
        if (result is INestedHttpResult nested) result = nested.Result;
        if (result is IStatusCodeHttpResult { StatusCode: not null and not StatusCodes.Status200OK }) return result;
        response.Headers.CacheControl = CacheControl;
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.Link = "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"";
        response.OnStarting(() =>
        {
            if (response.Headers.ContainsKey(HeaderNames.SetCookie)) response.Headers.CacheControl = "private, no-store";
            return Task.CompletedTask;
        });
        return result;
    }
}
