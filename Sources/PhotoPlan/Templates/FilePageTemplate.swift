extension PageTemplate {
    /// The built-in file page, in UploadWizard's layout (reference: commons.md §1): rendered
    /// exactly as a user's own `template:` is, with the same values.
    static let builtInText = """
        =={{int:filedesc}}==
        {{Information
        |description=<%# descriptions %><%^ first %>
        <%/ first %>{{<% language %>|1=<% text %>}}<%/ descriptions %>
        |date=<%& date_markup %>
        |source={{own}}
        |author=<%& author_markup %>
        |permission=
        |other versions=
        }}
        <%# location_markup %>
        <%& location_markup %>
        <%/ location_markup %>

        =={{int:license-header}}==
        {{self|<% license %>}}
        <%# consent %>
        {{Consent|<% consent %>}}
        <%/ consent %>
        <%# personality_rights %>
        {{Personality rights}}
        <%/ personality_rights %>

        <%# categories_markup %>
        <%& categories_markup %>
        <%/ categories_markup %>
        <%^ categories_markup %>
        {{subst:unc}}
        <%/ categories_markup %>

        """
}
