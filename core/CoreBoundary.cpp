// twinbox_core is the engine shared by the GUI, the CLI, the tests and the fuzzers. It must
// never depend on a GUI module: Qt defines QT_GUI_LIB / QT_WIDGETS_LIB for every target that
// links those modules, so linking one into twinbox_core stops the build here.
#if defined(QT_WIDGETS_LIB) || defined(QT_GUI_LIB)
#error "twinbox_core must link Qt Core, Network and Sql only, never Gui or Widgets"
#endif
