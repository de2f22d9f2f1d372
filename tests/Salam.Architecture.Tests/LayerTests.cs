using System.Reflection;
using NetArchTest.Rules;

namespace Salam.Architecture.Tests;

/// <summary>Dependencies point inward, and the web layer reaches the database, the job server and sign-in accounts only where it must.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Salam.Domain.Common.Entity).Assembly;
    private static readonly Assembly Application = typeof(Salam.Application.DependencyInjection).Assembly;
    private static readonly Assembly Web = typeof(Salam.Web.Common.RequestSender).Assembly;

    /// <summary>
    /// The composition root wires everything (services, endpoints, the administrators' jobs dashboard, the caller carried into
    /// each request's scope); signing in and out needs Identity. Nothing else in Web may: pages go through the mediator.
    /// </summary>
    private static readonly string[] AllowedInWeb =
    [
        "Program",
        "Salam.Web.Common.WebServices",
        "Salam.Web.Common.WebEndpoints",
        "Salam.Web.Common.AdminOnlyDashboardAuthorization",
        "Salam.Web.Common.RequestSender",
        "Salam.Web.Common.SignInRevalidation",
        // Reads the "must change password / must enrol" marks of the sign-in cookie (SalamClaims) to hold everything else back.
        "Salam.Web.Common.SignInRestrictions",
        "Salam.Web.Components.Pages.Account.",
    ];

    [Fact]
    public void The_domain_depends_on_nothing_but_the_base_library()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("Microsoft", "Salam.Application", "Salam.Infrastructure", "Salam.Web", "Mediator", "FluentValidation").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
        Assert.DoesNotContain(Domain.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_application_knows_nothing_of_asp_net_core_or_the_infrastructure()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("Microsoft.AspNetCore", "Salam.Infrastructure", "Salam.Web", "Hangfire").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
        Assert.DoesNotContain(Application.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        // An unused framework reference leaves no trace in the assembly, so the project file itself is read.
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(SolutionFolder(), "Salam.Application", "Salam.Application.csproj"));
        Assert.DoesNotContain(project.Descendants("FrameworkReference"), r => ((string?)r.Attribute("Include"))!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    private static string SolutionFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Salam.Governance.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Salam.Governance.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Web_pages_use_the_database_the_job_server_and_identity_only_for_signing_in_and_composition()
    {
        var result = Types.InAssembly(Web).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Salam.Infrastructure.Persistence", "Hangfire", "Microsoft.AspNetCore.Identity", "Salam.Infrastructure.Identity")
            .GetResult();

        var offenders = (result.FailingTypes ?? []).Select(t => t.FullName)
            .Where(name => !AllowedInWeb.Any(allowed => name == allowed || name.StartsWith(allowed, StringComparison.Ordinal) || name.StartsWith(allowed + "/", StringComparison.Ordinal)))
            .ToList();
        Assert.True(offenders.Count == 0, "Web types that reach the database, Hangfire or Identity: " + string.Join(", ", offenders));
        Assert.True(Types.InAssembly(Web).GetTypes().Count() > 50, "the web assembly's types were read");
    }

    private static string Failing(TestResult result) => string.Join(", ", (result.FailingTypes ?? []).Select(t => t.FullName));
}
