using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Salam.Web.Components.Status;

namespace Salam.Web.Common;

/// <summary>
/// The translated error page (500, with a correlation id) and not-found page (404). Both are endpoints that answer every
/// method: the exception handler re-executes a failed post as a post on /error, and with only a page to take GET there the
/// post used to fall to the static files' GET/HEAD fallback route ({**path:file}) and come back 405, so 5xx alerts never fired.
/// </summary>
public static class StatusPages
{
    public const string ErrorPath = "/error";
    public const string NotFoundPath = "/not-found";

    public static void UseStatusPages(this WebApplication app)
    {
        // In development the developer exception page shows the error itself.
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = ErrorPath,
                CreateScopeForErrors = true,
                // The error page logs the exception itself, with its correlation id; what that page could not handle is still logged here.
                SuppressDiagnosticsCallback = failure => failure.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlingPath,
            });
        app.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true);
    }

    public static void MapStatusPages(this WebApplication app)
    {
        app.Map(ErrorPath, (HttpContext http, ILoggerFactory loggers) =>
        {
            if (http.Features.Get<IExceptionHandlerPathFeature>() is not { } failure) return Page(http, StatusCodes.Status404NotFound, null, null);
            var correlationId = Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
            loggers.CreateLogger(typeof(StatusPages)).LogError(failure.Error, "Request {CorrelationId} failed: {Method} {Path}", correlationId, http.Request.Method, failure.Path);
            return Page(http, StatusCodes.Status500InternalServerError, correlationId, failure.Path + http.Request.QueryString);
        });

        app.Map(NotFoundPath, (HttpContext http) =>
        {
            var original = http.Features.Get<IStatusCodeReExecuteFeature>();
            // Other bodiless statuses (a 400 without a message, a 405) keep their status and stay as they were.
            if (original is not null && original.OriginalStatusCode != StatusCodes.Status404NotFound) return Results.StatusCode(original.OriginalStatusCode);
            return Page(http, StatusCodes.Status404NotFound, null, original is null ? null : original.OriginalPath + original.OriginalQueryString);
        });

        // Any method to an address nothing else takes. Without it a post to an unknown address met only the static files'
        // GET/HEAD fallback ({**path:file}): routing picks methods before constraints, so it answered 405 with an empty body.
        app.MapFallback(() => Results.NotFound());
    }

    private static IResult Page(HttpContext http, int status, string? correlationId, string? returnUrl)
    {
        // A page that answered 404 itself (NavigationManager.NotFound) has already set this header; re-executed here, the second
        // render would add it again and fail, turning a not-found page into a 500.
        http.Response.Headers.Remove(EnhancedNavigationHeader);
        return new RazorComponentResult<StatusPage>(new Dictionary<string, object?>
        {
            [nameof(StatusPage.StatusCode)] = status,
            [nameof(StatusPage.CorrelationId)] = correlationId,
            [nameof(StatusPage.ReturnUrl)] = returnUrl,
        }) { StatusCode = status };
    }

    private const string EnhancedNavigationHeader = "blazor-enhanced-nav";
}
