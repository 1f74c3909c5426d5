using System.Text.Json;
using System.Text.Json.Serialization;
using CampaignDesk.Api.Audit;
using CampaignDesk.Api.Auth;
using CampaignDesk.Api.Calendar;
using CampaignDesk.Api.Campaigns;
using CampaignDesk.Api.FollowUps;
using CampaignDesk.Api.Health;
using CampaignDesk.Api.Import;
using CampaignDesk.Api.Interactions;
using CampaignDesk.Api.Metrics;
using CampaignDesk.Api.Officials;
using CampaignDesk.Api.Organisations;
using CampaignDesk.Api.Positions;
using CampaignDesk.Api.Tasks;
using CampaignDesk.Api.Triage;
using CampaignDesk.Api.Users;
using CampaignDesk.Api.Web;
using CampaignDesk.Core;
using CampaignDesk.Core.Jobs;
using Microsoft.AspNetCore.Http.Json;

namespace CampaignDesk.Api.Hosting;

public static class ApiHostingExtensions
{
    public static WebApplicationBuilder AddCampaignDeskApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.Logging.AddCampaignDeskLogHygiene();
        // Auth first: its start-up task (the admin token) must succeed before the database is migrated.
        services.AddCampaignDeskAuth();
        services.AddCampaignDeskCore();
        if (builder.Configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>()?.InProcess ?? true)
        {
            services.AddCampaignDeskJobs(builder.Configuration);
        }

        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemLanguage.Apply);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures reach ProblemExceptionHandler, which names the field, instead of a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new NulGuard.StringConverter());
        });

        services.AddCampaignDeskRateLimits();
        services.AddCampaignDeskHealthChecks();
        services.AddCampaignDeskMetricsApi();
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityTransformer>());
        return builder;
    }

    public static WebApplication UseCampaignDeskApi(this WebApplication app)
    {
        // First, so that every log line of a request, the exception handler's too, carries its correlation id.
        app.UseCorrelationId();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseNulGuard();

        // The Swagger UI is static files with no data; it runs before authorization, whose fallback policy
        // would otherwise refuse it. The document it shows is mapped below as anonymous.
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "CampaignDesk v1");
            options.DocumentTitle = "CampaignDesk API";
        });

        // The web pages are static files without data, served before authorization like the Swagger UI; the API
        // calls they make are authorized as any other.
        app.UseCampaignDeskWebUi();

        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapCampaignDeskHealthChecks();
        app.MapOpenApi().AllowAnonymous();

        app.MapOrganisations();
        app.MapOfficials();
        app.MapImports();
        app.MapUsers();
        app.MapAudit();
        app.MapCampaigns();
        app.MapInteractions();
        app.MapTasks();
        app.MapCalendar();
        app.MapPositions();
        app.MapFollowUps();
        app.MapTriage();
        app.MapCampaignDeskWebUi();
        app.MapMetrics();
        return app;
    }
}
