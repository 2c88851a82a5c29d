/* A shared library that is not a reportls plugin: no reportls_plugin_entry. */
int not_a_plugin(void) { return 42; }
